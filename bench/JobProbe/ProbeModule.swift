import Core
import Fluent
import SQLKit
import Vapor

/// A module that exists for the queue's multi-process test and the benchmarks: its one job
/// kind records, in the same transaction that completes the job, which worker ran it.
struct ProbeModule: NicheModule {
    let id = "probe"
    let name = LocalizedText(es: "Sonda", en: "Probe")
    let version = "1.0.0"
    var migrations: [any Migration] { [CreateProbeEffects()] }
    var jobHandlers: [JobHandler] { [ProbeJobs.effectHandler] }
    var eventTypes: [EventType] { [ProbePinged.eventType] }
    func routes(_ routes: ModuleRoutes) throws {}
}

enum ProbeJobs {
    struct Effect: Codable, Sendable {
        /// Simulated work before the effect, so that a SIGKILL lands mid-job.
        var sleepMs: Int
    }

    static let effect = JobKind<Effect>("probe.effect")

    static let effectHandler = JobHandler(effect, retry: .exponential(base: 1, cap: 5, maxAttempts: 5), timeout: 30) { payload, context in
        if payload.sleepMs > 0 { try await Task.sleep(for: .milliseconds(payload.sleepMs)) }
        let (jobID, worker) = (context.jobID, context.workerID)
        try await context.commit { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            try await sql.insert(into: "probe_effects").columns("id", "job_id", "worker")
                .values(SQLBind(UUID()), SQLBind(jobID), SQLBind(worker)).run()
        }
    }
}

struct CreateProbeEffects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // No unique index on job_id on purpose: the test counts duplicates instead of hiding them.
        try await database.schema("probe_effects")
            .id()
            .field("job_id", .uuid, .required)
            .field("worker", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("probe_effects").delete()
    }
}
