import NIOConcurrencyHelpers
import Vapor

/// The background side of a process: the job worker, the event dispatcher and the scheduler,
/// each a loop in its own task. `multinicho serve` runs it beside the HTTP server (unless
/// WORKER_CONCURRENCY=0) and `multinicho worker` runs it alone.
public final class JobRuntime: Sendable {
    public let worker: JobWorker
    let application: Application
    private let tasks = NIOLockedValueBox<[Task<Void, Never>]>([])

    public init(application: Application, options: JobWorker.Options) {
        self.application = application
        self.worker = JobWorker(application: application, options: options)
    }

    public func start() {
        let app = application
        for handler in app.jobHandlers.byKind.values where handler.timeout >= worker.options.lease {
            // Another worker would take the job over while this one still runs it.
            app.logger.warning("job timeout is not shorter than the lease", metadata: [
                "kind": "\(handler.kind)", "timeout": "\(handler.timeout)", "lease": "\(worker.options.lease)"])
        }
        let poll = worker.options.pollInterval
        let loops: [Task<Void, Never>] = [
            Task { await self.worker.run() },
            Task { await Self.repeatEvery(poll, app, "event dispatch") { _ = try await EventDispatcher.dispatchPending(app) } },
            // Ten seconds is fine-grained enough for minute-level cron schedules.
            Task { await Self.repeatEvery(10, app, "scheduler") { _ = try await Scheduler.tick(app) } },
        ]
        tasks.withLockedValue { $0 += loops }
        app.logger.info("job runtime started", metadata: ["worker": "\(worker.id)", "kinds": "\(app.jobHandlers.kinds.count)"])
    }

    public func stop() async {
        let running = tasks.withLockedValue { current in
            defer { current = [] }
            return current
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    private static func repeatEvery(
        _ seconds: TimeInterval, _ app: Application, _ name: String, _ body: @Sendable () async throws -> Void
    ) async {
        while !Task.isCancelled {
            do {
                try await body()
            } catch {
                app.logger.error("\(name) failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        }
    }
}

/// Starts the runtime with the HTTP server. Other commands (migrate, seed-demo, ...) boot the
/// application too, so it checks which command is running.
struct JobRuntimeLifecycle: LifecycleHandler {
    let runtime: JobRuntime

    func didBootAsync(_ application: Application) async throws {
        let command = application.environment.arguments.dropFirst().first
        guard command == nil || command == "serve" else { return }
        runtime.start()
    }

    func shutdownAsync(_ application: Application) async {
        await runtime.stop()
    }
}

extension Application {
    private struct RuntimeKey: StorageKey { typealias Value = JobRuntime }

    /// The process's job runtime (started by `serve` and `worker`, not by tests).
    public var jobRuntime: JobRuntime {
        get {
            guard let runtime = storage[RuntimeKey.self] else { fatalError("configure(_:) has not run") }
            return runtime
        }
        set { storage[RuntimeKey.self] = newValue }
    }
}

/// `multinicho worker`: runs jobs, events and schedules without serving HTTP, until SIGTERM.
struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Runs background jobs, event dispatch and schedules (no HTTP server) until SIGTERM or SIGINT." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let runtime = app.jobRuntime
        runtime.start()
        await waitForTermination()
        app.logger.info("worker stopping")
        await runtime.stop()
    }

    private func waitForTermination() async {
        let sources = NIOLockedValueBox<[any DispatchSourceSignal]>([])
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = NIOLockedValueBox(false)
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let first = once.withLockedValue { fired in
                        defer { fired = true }
                        return !fired
                    }
                    if first { continuation.resume() }
                }
                source.resume()
                sources.withLockedValue { $0.append(source) }
            }
        }
        sources.withLockedValue { $0.forEach { $0.cancel() } }
    }
}
