import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Runs jobs from the queue: claims as many as it has free slots, runs each with its handler's
/// timeout, and records the outcome. One worker per process is enough; several processes may
/// share one PostgreSQL database.
public final class JobWorker: Sendable {
    public struct Options: Sendable {
        public var concurrency: Int
        /// How long a claimed job stays ours without news; a dead worker's jobs come back after it.
        public var lease: TimeInterval
        /// Sleep between claims when the queue is empty.
        public var pollInterval: TimeInterval

        public init(concurrency: Int = 4, lease: TimeInterval = 120, pollInterval: TimeInterval = 0.5) {
            self.concurrency = max(1, concurrency)
            self.lease = lease
            self.pollInterval = pollInterval
        }
    }

    public let id: String
    let application: Application
    let options: Options
    private let running = NIOLockedValueBox(0)

    public init(application: Application, options: Options = Options(), id: String? = nil) {
        self.application = application
        self.options = options
        self.id = id ?? "\(ProcessInfo.processInfo.hostName)-\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    private var handlers: JobHandlers { application.jobHandlers }
    private var clock: any PlatformClock { application.clock }

    /// Claims due jobs once and runs them to the end; returns how many ran. Tests use this to
    /// step the queue with a controlled clock.
    @discardableResult
    public func runDue(limit: Int = 100) async throws -> Int {
        let jobs = try await claim(limit)
        await withTaskGroup(of: Void.self) { group in
            for job in jobs { group.addTask { await self.execute(job) } }
        }
        return jobs.count
    }

    /// Keeps claiming and running jobs until the task is cancelled. A finished job wakes the
    /// loop at once, so a busy queue never waits on a timer for a free slot.
    public func run() async {
        let (finished, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        var wakeups = finished.makeAsyncIterator()
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                let free = options.concurrency - running.withLockedValue { $0 }
                if free == 0 {
                    await wakeups.next()
                    continue
                }
                var claimed: [JobRecord] = []
                do {
                    claimed = try await claim(free)
                } catch {
                    application.logger.error("job claim failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                for job in claimed {
                    running.withLockedValue { $0 += 1 }
                    group.addTask {
                        await self.execute(job)
                        self.running.withLockedValue { $0 -= 1 }
                        signal.yield()
                    }
                }
                if claimed.isEmpty {
                    try? await Task.sleep(for: .milliseconds(Int(options.pollInterval * 1000)))
                }
            }
            signal.finish()
        }
    }

    private func claim(_ limit: Int) async throws -> [JobRecord] {
        try await JobQueue.claim(
            kinds: handlers.kinds, limit: limit, owner: id, lease: options.lease, now: clock.now(), on: application.db)
    }

    func execute(_ job: JobRecord) async {
        guard let id = job.id, let handler = handlers.byKind[job.kind] else { return }
        let logger = application.logger
        var metadata: Logger.Metadata = ["job": "\(id)", "kind": "\(job.kind)", "attempt": "\(job.attempts)"]
        if job.attempts > handler.retry.maxAttempts {
            // The worker that ran the last attempt died mid-job.
            await finish(job, handler, error: "the worker running the last attempt stopped", permanent: true)
            return
        }
        let context = JobContext(
            jobID: id, kind: job.kind, tenantID: job.tenantID, attempt: job.attempts,
            maxAttempts: handler.retry.maxAttempts, payloadJSON: job.payload, application: application, workerID: self.id)
        let started = clock.now()
        do {
            try await withTimeout(handler.timeout) { try await handler.perform(context) }
            _ = try await JobQueue.markSucceeded(id, owner: self.id, now: clock.now(), on: application.db)
            metadata["ms"] = "\(Int(clock.now().timeIntervalSince(started) * 1000))"
            logger.debug("job succeeded", metadata: metadata)
            PlatformMetrics.jobFinished(kind: job.kind, outcome: "succeeded")
        } catch let lost as JobQueue.LeaseLost {
            logger.warning("job lease lost", metadata: metadata.merging(["error": "\(lost)"]) { $1 })
        } catch let permanent as PermanentJobError {
            await finish(job, handler, error: permanent.description, permanent: true)
        } catch {
            await finish(job, handler, error: String(describing: error), permanent: false)
        }
    }

    private func finish(_ job: JobRecord, _ handler: JobHandler, error: String, permanent: Bool) async {
        guard let id = job.id else { return }
        let now = clock.now()
        let retryAt = permanent || job.attempts >= handler.retry.maxAttempts
            ? nil : now.addingTimeInterval(handler.retry.delay(afterAttempt: job.attempts))
        let metadata: Logger.Metadata = ["job": "\(id)", "kind": "\(job.kind)", "attempt": "\(job.attempts)", "error": "\(error)"]
        do {
            try await JobQueue.markFailed(id, owner: self.id, error: error, retryAt: retryAt, now: now, on: application.db)
            application.logger.log(level: retryAt == nil ? .error : .warning,
                                   retryAt == nil ? "job dead" : "job failed, will retry", metadata: metadata)
            PlatformMetrics.jobFinished(kind: job.kind, outcome: retryAt == nil ? "dead" : "failed")
        } catch {
            application.logger.error("could not record job failure", metadata: metadata)
        }
    }
}
