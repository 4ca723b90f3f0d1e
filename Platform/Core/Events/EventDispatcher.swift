import Fluent
import SQLKit
import Vapor

/// Something that reacts to domain events: it runs inside the transaction that marks the event
/// dispatched, so the jobs it enqueues exist exactly when the event counts as handed over.
public struct EventSubscriber: Sendable {
    public let name: String
    /// Event types it wants; nil for all of them.
    public let eventTypes: Set<String>?
    let handle: @Sendable (StoredEvent, any Database, Application) async throws -> Void

    public init(
        _ name: String, eventTypes: Set<String>? = nil,
        _ handle: @escaping @Sendable (StoredEvent, any Database, Application) async throws -> Void
    ) {
        self.name = name
        self.eventTypes = eventTypes
        self.handle = handle
    }

    func wants(_ type: String) -> Bool { eventTypes?.contains(type) ?? true }
}

extension Application {
    private struct SubscribersKey: StorageKey { typealias Value = [EventSubscriber] }

    public var eventSubscribers: [EventSubscriber] {
        get { storage[SubscribersKey.self] ?? [] }
        set { storage[SubscribersKey.self] = newValue }
    }
}

/// Moves events from the outbox to their subscribers, one event per transaction so that one
/// bad event cannot hold back the others.
public enum EventDispatcher {
    /// An event whose subscribers keep failing is set aside after this many tries.
    static let maximumAttempts = 10

    /// Dispatches up to `limit` pending events; returns how many were handed over.
    @discardableResult
    public static func dispatchPending(_ app: Application, limit: Int = 100) async throws -> Int {
        var dispatched = 0
        for _ in 0..<limit {
            guard let outcome = try await dispatchOne(app) else { break }
            if outcome { dispatched += 1 }
        }
        return dispatched
    }

    /// nil when nothing is pending; false when the event's subscribers failed.
    private static func dispatchOne(_ app: Application) async throws -> Bool? {
        let now = app.clock.now()
        do {
            let found: Bool = try await app.db.transaction { tx in
                guard let event = try await lockNextPending(now: now, on: tx) else { return false }
                do {
                    for subscriber in app.eventSubscribers where subscriber.wants(event.type) {
                        try await subscriber.handle(event, tx, app)
                    }
                } catch {
                    throw SubscriberFailed(eventID: try event.requireID(), underlying: error)
                }
                event.dispatchedAt = now
                event.dispatchError = nil
                try await event.save(on: tx)
                return true
            }
            return found ? true : nil
        } catch let failure as SubscriberFailed {
            try await recordFailure(failure.eventID, error: failure.underlying, now: now, on: app.db)
            app.logger.error("event dispatch failed", metadata: ["event": "\(failure.eventID)", "error": "\(failure.underlying)"])
            return false
        }
    }

    private struct SubscriberFailed: Error {
        let eventID: UUID
        let underlying: any Error
    }

    /// Takes the oldest due event, writing to its row at once: on PostgreSQL the row stays
    /// locked (and skipped by other dispatchers) until the transaction ends; on SQLite the
    /// transaction takes the write lock first, so it can never fail half-way by upgrading a
    /// read lock.
    private static func lockNextPending(now: Date, on db: any Database) async throws -> StoredEvent? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let locking: SQLQueryString = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        let row = try await sql.raw("""
            UPDATE domain_events SET dispatch_attempts = dispatch_attempts
            WHERE id IN (
                SELECT id FROM domain_events
                WHERE dispatched_at IS NULL AND dispatch_attempts < \(bind: maximumAttempts)
                    AND (next_dispatch_at IS NULL OR next_dispatch_at <= \(bind: now))
                ORDER BY occurred_at LIMIT 1 \(locking))
            RETURNING id
            """).first()
        guard let id = try row?.decode(column: "id", as: UUID.self) else { return nil }
        return try await StoredEvent.find(id, on: db)
    }

    private static func recordFailure(_ id: UUID, error: any Error, now: Date, on db: any Database) async throws {
        guard let event = try await StoredEvent.find(id, on: db) else { return }
        event.dispatchAttempts += 1
        // 2 s, 4 s, ... about 34 minutes in all before the event is set aside.
        event.nextDispatchAt = now.addingTimeInterval(pow(2, Double(event.dispatchAttempts)))
        event.dispatchError = String(String(describing: error).prefix(2000))
        try await event.save(on: db)
    }
}
