import Core
import Vapor

/// `enqueue --count N [--sleep-ms M]`: N probe jobs in one transaction.
struct EnqueueCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "count") var count: Int?
        @Option(name: "sleep-ms") var sleepMs: Int?
    }

    var help: String { "Enqueues probe jobs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.count ?? 1000
        let payload = ProbeJobs.Effect(sleepMs: signature.sleepMs ?? 0)
        try await enqueueProbes(count, payload, app)
        context.console.print("enqueued \(count)")
    }
}

func enqueueProbes(_ count: Int, _ payload: ProbeJobs.Effect, _ app: Application) async throws {
    let now = app.clock.now()
    try await app.db.transaction { tx in
        for _ in 0..<count { try await JobQueue.enqueue(ProbeJobs.effect, payload, runAt: now, on: tx) }
    }
}
