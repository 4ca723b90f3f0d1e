import Fluent
import Vapor

/// A kind of job and the type of its payload, so that enqueueing and handling agree at
/// compile time. Kinds are named `<module>.<verb>`, like `webhooks.deliver`.
public struct JobKind<Payload: Codable & Sendable>: Sendable {
    public let name: String
    public init(_ name: String) { self.name = name }
}

/// Thrown by a handler when retrying cannot help (the payload names a row that is gone, say):
/// the job goes straight to `dead`.
public struct PermanentJobError: Error, CustomStringConvertible {
    public let description: String
    public init(_ reason: String) { description = reason }
}

/// The code that runs jobs of one kind. Modules and platform parts register these; the
/// handler must be idempotent, since a job whose worker died runs again.
public struct JobHandler: Sendable {
    public let kind: String
    public let retry: RetryPolicy
    /// A running attempt is cancelled after this long and counts as failed.
    public let timeout: TimeInterval
    let perform: @Sendable (JobContext) async throws -> Void

    public init<Payload>(
        _ kind: JobKind<Payload>, retry: RetryPolicy = .standard, timeout: TimeInterval = 60,
        _ body: @escaping @Sendable (Payload, JobContext) async throws -> Void
    ) {
        self.kind = kind.name
        self.retry = retry
        self.timeout = timeout
        self.perform = { context in
            let payload: Payload
            do {
                payload = try JSONDecoder.jobs.decode(Payload.self, from: Data(context.payloadJSON.utf8))
            } catch {
                throw PermanentJobError("payload does not decode as \(Payload.self): \(error)")
            }
            try await body(payload, context)
        }
    }
}

/// What a handler gets besides its payload.
public struct JobContext: Sendable {
    public let jobID: UUID
    public let kind: String
    public let tenantID: UUID?
    /// 1 for the first attempt.
    public let attempt: Int
    public let maxAttempts: Int
    public let payloadJSON: String
    public let application: Application
    /// The worker running this attempt (host, process and a random part).
    public let workerID: String

    public var db: any Database { application.db }
    public var logger: Logger { application.logger }
    public var now: Date { application.clock.now() }
    public var isLastAttempt: Bool { attempt >= maxAttempts }

    /// Runs `work` and marks the job succeeded in one transaction, so that the job's database
    /// effects happen exactly once even when a worker dies mid-job and another takes it over.
    /// Throws `JobQueue.LeaseLost` (and rolls back) if this worker no longer owns the job.
    public func commit(_ work: @escaping @Sendable (any Database) async throws -> Void) async throws {
        let (id, owner, now) = (jobID, workerID, application.clock.now())
        try await db.transaction { tx in
            try await work(tx)
            guard try await JobQueue.markSucceeded(id, owner: owner, now: now, on: tx) else {
                throw JobQueue.LeaseLost(jobID: id)
            }
        }
    }
}

/// Every job handler known to this process, by kind.
public struct JobHandlers: Sendable {
    public private(set) var byKind: [String: JobHandler] = [:]

    public init(_ handlers: [JobHandler] = []) {
        for handler in handlers { register(handler) }
    }

    public mutating func register(_ handler: JobHandler) {
        precondition(byKind[handler.kind] == nil, "two handlers for job kind \(handler.kind)")
        byKind[handler.kind] = handler
    }

    public var kinds: [String] { byKind.keys.sorted() }
}

extension Application {
    private struct HandlersKey: StorageKey { typealias Value = JobHandlers }

    /// Job handlers registered by the platform and its modules (during configure).
    public var jobHandlers: JobHandlers {
        get { storage[HandlersKey.self] ?? JobHandlers() }
        set { storage[HandlersKey.self] = newValue }
    }
}

extension JSONEncoder {
    /// Sorted keys and ISO 8601 dates: job payloads and event payloads read the same in the
    /// database and in webhook bodies.
    public static var jobs: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    public static var jobs: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
