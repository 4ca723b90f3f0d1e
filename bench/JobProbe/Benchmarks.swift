import AsyncHTTPClient
import Core
import Fluent
import NIOCore
import NIOPosix
import SQLKit
import Vapor
import Webhooks

/// Seconds `body` takes.
func measure(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Waits until `done` says so, checking every 20 ms.
func waitUntil(_ done: () async throws -> Bool) async throws {
    while try await !done() { try await Task.sleep(for: .milliseconds(20)) }
}

func report(_ name: String, count: Int, seconds: Double, baselineName: String, baselineSeconds: Double) {
    let rate = Double(count) / seconds
    let baseline = Double(count) / baselineSeconds
    print(String(format: "%@: %d in %.2f s = %.0f/s | baseline %@: %.0f/s | ratio %.3f",
                 name, count, seconds, rate, baselineName, baseline, rate / baseline))
}

/// `bench-queue --jobs N --workers W`: probe jobs through the queue, against single-row
/// inserts on the same database as the baseline.
struct QueueBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "jobs") var jobs: Int?
        @Option(name: "workers") var workers: Int?
    }

    var help: String { "Measures jobs/second through the queue." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.jobs ?? 2000
        try await app.autoMigrate()
        guard let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("DELETE FROM probe_effects").run()
        try await sql.raw("DELETE FROM jobs").run()

        let baseline = try await measure {
            for _ in 0..<count {
                try await sql.insert(into: "probe_effects").columns("id", "job_id", "worker")
                    .values(SQLBind(UUID()), SQLBind(UUID()), SQLBind("baseline")).run()
            }
        }
        try await sql.raw("DELETE FROM probe_effects").run()
        try await enqueueProbes(count, ProbeJobs.Effect(sleepMs: 0), app)
        let worker = JobWorker(application: app, options: .init(concurrency: signature.workers ?? 4, pollInterval: 0.01))
        let seconds = try await measure {
            let task = Task { await worker.run() }
            try await waitUntil { try await JobRecord.query(on: app.db).filter(\.$state == .succeeded).count() == count }
            task.cancel()
            await task.value
        }
        report("queue[\(sql.dialect.name)] jobs/s", count: count, seconds: seconds,
               baselineName: "single-row inserts", baselineSeconds: baseline)
    }
}

/// `bench-webhooks --deliveries N --receiver URL`: events through the outbox, dispatcher and
/// delivery jobs to a local receiver, against plain POSTs of the same body to it.
struct WebhookBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "deliveries") var deliveries: Int?
        @Option(name: "receiver") var receiver: String?
        @Option(name: "concurrency") var concurrency: Int?
    }

    var help: String { "Measures webhook deliveries/second to a local receiver." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.deliveries ?? 500
        let concurrency = signature.concurrency ?? 8
        guard let receiver = signature.receiver else { throw Abort(.badRequest, reason: "--receiver URL is required") }
        try await app.autoMigrate()
        let body = #"{"type":"probe.pinged","timestamp":"2026-11-21T15:04:05Z","tenant":"bench","version":1,"data":{"n":1}}"#
        let baseline = try await postPlainly(count, body: body, to: receiver, concurrency: concurrency)

        let tenant = Tenant(slug: "bench-\(UUID().uuidString.prefix(8).lowercased())", legalName: "Bench", ruc: "20100070970")
        try await tenant.create(on: app.db)
        let endpoint = WebhookEndpoint(tenantID: try tenant.requireID(), url: receiver, label: "bench", eventTypes: [],
                                       secret: WebhookSignature.newSecret(), now: Date())
        try await endpoint.create(on: app.db)
        let now = Date()
        try await app.db.transaction { tx in
            for n in 0..<count { try await DomainEvents.emit(ProbePinged(n: n), tenantID: tenant.requireID(), at: now, on: tx) }
        }
        let runtime = JobRuntime(application: app, options: .init(concurrency: concurrency, pollInterval: 0.01))
        let seconds = try await measure {
            runtime.start()
            try await waitUntil {
                try await WebhookDelivery.query(on: app.db).filter(\.$state == .succeeded).count() == count
            }
            await runtime.stop()
        }
        report("webhook deliveries/s", count: count, seconds: seconds, baselineName: "plain POSTs", baselineSeconds: baseline)
    }

    private func postPlainly(_ count: Int, body: String, to url: String, concurrency: Int) async throws -> Double {
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        defer { _ = client.shutdown() }
        return try await measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for lane in 0..<concurrency {
                    group.addTask {
                        for _ in stride(from: lane, to: count, by: concurrency) {
                            var request = HTTPClientRequest(url: url)
                            request.method = .POST
                            request.body = .bytes(ByteBuffer(string: body))
                            let response = try await client.execute(request, timeout: .seconds(10))
                            _ = try await response.body.collect(upTo: 1 << 16)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}

struct ProbePinged: DomainEvent {
    static let eventType = EventType("probe.pinged", LocalizedText(es: "Sonda", en: "Probe"))
    let n: Int
}
