@testable import Core
import Fluent
import Testing
import NIOConcurrencyHelpers
import Vapor

/// Counts handler runs, so tests can see how often a job really ran.
final class RunRecorder: Sendable {
    private let runs = NIOLockedValueBox<[String]>([])
    func record(_ label: String) { runs.withLockedValue { $0.append(label) } }
    var all: [String] { runs.withLockedValue { $0 } }
}

struct TestPayload: Codable, Sendable { var label: String }

enum TestJobs {
    static let ok = JobKind<TestPayload>("test.ok")
    static let flaky = JobKind<TestPayload>("test.flaky")
    static let broken = JobKind<TestPayload>("test.broken")
    static let slow = JobKind<TestPayload>("test.slow")

    /// Registers handlers that record into `recorder`: `test.ok` succeeds, `test.flaky`
    /// always fails (3 attempts, 10 s then 60 s), `test.broken` fails for good, `test.slow`
    /// outlives its 0.2 s timeout.
    static func register(on app: Application, recorder: RunRecorder) {
        app.jobHandlers.register(JobHandler(ok) { payload, _ in recorder.record(payload.label) })
        app.jobHandlers.register(JobHandler(flaky, retry: RetryPolicy(maxAttempts: 3, delays: [10, 60], jitter: 0.1)) { payload, context in
            recorder.record("\(payload.label)#\(context.attempt)")
            struct Boom: Error {}
            throw Boom()
        })
        app.jobHandlers.register(JobHandler(broken) { payload, _ in
            recorder.record(payload.label)
            throw PermanentJobError("the row is gone")
        })
        app.jobHandlers.register(JobHandler(slow, timeout: 0.2) { payload, _ in
            recorder.record(payload.label)
            try await Task.sleep(for: .seconds(5))
        })
    }
}

func job(_ app: Application, _ id: UUID) async throws -> JobRecord {
    try #require(try await JobRecord.find(id, on: app.db))
}

