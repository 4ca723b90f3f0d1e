import Fluent
import SQLKit
import Vapor

/// A fact a module tells the rest of the platform about, like `booking.cancelled`. The payload
/// is the conforming type itself, so a malformed payload does not compile. Declare its
/// `eventType` in `NicheModule.eventTypes` too: that list is what webhook endpoints can choose.
public protocol DomainEvent: Encodable, Sendable {
    static var eventType: EventType { get }
    /// Bumped when the payload changes shape; receivers see it as `version`.
    static var schemaVersion: Int { get }
}

extension DomainEvent {
    public static var schemaVersion: Int { 1 }
}

/// An event whose payload is one shared value (several event types carrying the same data,
/// like `invoice.accepted` and `invoice.rejected`): it encodes as that value itself.
public protocol PayloadEvent: DomainEvent {
    associatedtype Payload: Encodable & Sendable
    var data: Payload { get }
}

extension PayloadEvent {
    public func encode(to encoder: any Encoder) throws { try data.encode(to: encoder) }
}

public enum EventError: Error, CustomStringConvertible, Equatable {
    case invalidTypeName(String)
    case payloadNotAnObject(String)

    public var description: String {
        switch self {
        case .invalidTypeName(let name):
            "event type \"\(name)\" must be dot-separated lowercase words, like invoice.accepted"
        case .payloadNotAnObject(let name): "the payload of \(name) must encode as a JSON object"
        }
    }

    /// `[a-z0-9_]` words joined by dots, at least two of them (Standard Webhooks' event names).
    public static func isValidTypeName(_ name: String) -> Bool {
        let words = name.split(separator: ".", omittingEmptySubsequences: false)
        return words.count >= 2 && words.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "_" }
        }
    }
}

/// The outbox: events are written in the same transaction as the change that caused them, and
/// the dispatcher hands them to subscribers (webhooks, notifications, modules) afterwards.
public enum DomainEvents {
    @discardableResult
    public static func emit<E: DomainEvent>(
        _ event: E, tenantID: UUID?, at now: Date, on db: any Database
    ) async throws -> UUID {
        let name = E.eventType.name
        guard EventError.isValidTypeName(name) else { throw EventError.invalidTypeName(name) }
        let payload = String(decoding: try JSONEncoder.jobs.encode(event), as: UTF8.self)
        guard payload.hasPrefix("{") else { throw EventError.payloadNotAnObject(name) }
        let row = StoredEvent(tenantID: tenantID, type: name, version: E.schemaVersion, payload: payload, occurredAt: now)
        try await row.create(on: db)
        return try row.requireID()
    }
}

extension DomainEvents {
    /// Many events of one type in one multi-row INSERT (a sweep that moves thousands of
    /// businesses at once), in the caller's transaction.
    public static func emitAll<E: DomainEvent>(_ events: [(event: E, tenantID: UUID?)], at now: Date, on db: any Database) async throws {
        guard !events.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else {
            for item in events { try await emit(item.event, tenantID: item.tenantID, at: now, on: db) }
            return
        }
        let name = E.eventType.name
        guard EventError.isValidTypeName(name) else { throw EventError.invalidTypeName(name) }
        for start in stride(from: 0, to: events.count, by: 1000) {
            var insert = sql.insert(into: StoredEvent.schema)
                .columns("id", "tenant_id", "type", "version", "payload", "occurred_at", "dispatch_attempts")
            for item in events[start..<min(start + 1000, events.count)] {
                let payload = String(decoding: try JSONEncoder.jobs.encode(item.event), as: UTF8.self)
                guard payload.hasPrefix("{") else { throw EventError.payloadNotAnObject(name) }
                insert = insert.values(SQLBind(UUID()), SQLBind(item.tenantID), SQLBind(name), SQLBind(E.schemaVersion),
                                       SQLBind(payload), SQLBind(now), SQLBind(0))
            }
            try await insert.run()
        }
    }
}

/// An event in the outbox table.
public final class StoredEvent: Model, @unchecked Sendable {
    public static let schema = "domain_events"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "tenant_id") public var tenantID: UUID?
    @Field(key: "type") public var type: String
    @Field(key: "version") public var version: Int
    /// The event's data as a JSON object.
    @Field(key: "payload") public var payload: String
    @Field(key: "occurred_at") public var occurredAt: Date
    @OptionalField(key: "dispatched_at") public var dispatchedAt: Date?
    @Field(key: "dispatch_attempts") public var dispatchAttempts: Int
    @OptionalField(key: "dispatch_error") public var dispatchError: String?
    /// After a failed dispatch, the event waits until then (doubling waits).
    @OptionalField(key: "next_dispatch_at") public var nextDispatchAt: Date?

    public init() {}

    init(tenantID: UUID?, type: String, version: Int, payload: String, occurredAt: Date) {
        self.tenantID = tenantID
        self.type = type
        self.version = version
        self.payload = payload
        self.occurredAt = occurredAt
        self.dispatchAttempts = 0
    }
}

struct CreateDomainEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredEvent.schema)
            .id()
            .field("tenant_id", .uuid, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("version", .int, .required)
            .field("payload", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("dispatched_at", .datetime)
            .field("dispatch_attempts", .int, .required)
            .field("dispatch_error", .string)
            .field("next_dispatch_at", .datetime)
            .create()
        try await database.createIndex(on: StoredEvent.schema, "dispatched_at", "occurred_at")
        try await database.createIndex(on: StoredEvent.schema, "tenant_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StoredEvent.schema).delete()
    }
}
