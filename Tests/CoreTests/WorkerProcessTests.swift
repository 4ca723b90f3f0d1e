@testable import Core
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

extension AllTests {
    @Suite struct WorkerProcessTests {}
}

/// Runs the `JobProbe` executable (built next to the test bundle) against the test database.
private struct Probe {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("JobProbe")
    }

    static func environment() throws -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SECRET_KEY"] = "probe-secret-key-0123456789abcdef0123456789"
        env["DATA_DIR"] = NSTemporaryDirectory()
        env["JOB_LEASE_SECONDS"] = "3"
        env["WORKER_CONCURRENCY"] = "4"
        return env
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = try environment()
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String]) throws {
        let process = try start(arguments)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Abort(.internalServerError, reason: "JobProbe \(arguments) exited with \(process.terminationStatus)")
        }
    }
}

extension AllTests.WorkerProcessTests {
    @Test(.enabled(if: TestDatabase.isPostgres, "several worker processes need a shared PostgreSQL"))
    func twoWorkerProcessesRunEveryJobExactlyOnceEvenWhenOneIsKilled() async throws {
        try await withTestApp { app in
            let sql = try #require(app.db as? any SQLDatabase)
            try Probe.run(["migrate", "--yes"])
            try Probe.run(["enqueue", "--count", "1000", "--sleep-ms", "40"])
            let effects = { try await sql.raw("SELECT COUNT(*) AS n FROM probe_effects").first()?.decode(column: "n", as: Int.self) ?? 0 }

            let doomed = try Probe.start(["worker"])
            let survivor = try Probe.start(["worker"])
            defer { if survivor.isRunning { survivor.terminate() } }
            var deadline = Date().addingTimeInterval(60)
            while try await effects() < 250, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            // Mid-job: with 40 ms of work per job it always has jobs in hand by now.
            kill(doomed.processIdentifier, SIGKILL)
            doomed.waitUntilExit()

            deadline = Date().addingTimeInterval(120)
            let succeeded = { try await JobRecord.query(on: app.db).filter(\.$kind == "probe.effect").filter(\.$state == .succeeded).count() }
            while try await succeeded() < 1000, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
            survivor.terminate()
            survivor.waitUntilExit()

            #expect(try await succeeded() == 1000, "no job lost")
            #expect(try await effects() == 1000, "no job ran twice")
            let distinct = try await sql.raw("SELECT COUNT(DISTINCT job_id) AS n FROM probe_effects").first()?.decode(column: "n", as: Int.self)
            #expect(distinct == 1000)
            let workers = try await sql.raw("SELECT COUNT(DISTINCT worker) AS n FROM probe_effects").first()?.decode(column: "n", as: Int.self)
            #expect(workers == 2, "both processes took part")
            let retaken = try await JobRecord.query(on: app.db).filter(\.$attempts >= 2).count()
            #expect(retaken >= 1, "the killed worker's jobs were taken over after their lease")
            #expect(survivor.terminationStatus == 0, "SIGTERM stops a worker cleanly")
        }
    }
}
