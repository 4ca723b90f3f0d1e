import Core
import Fluent
import Vapor

/// A URL of a tenant that receives its events (an n8n Webhook node, say).
public final class WebhookEndpoint: TenantOwned, @unchecked Sendable {
    public static let schema = "webhook_endpoints"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "url") public var url: String
    @Field(key: "description") public var label: String
    /// Space-separated event types; empty means every type.
    @Field(key: "event_types") public var eventTypes: String
    @Field(key: "enabled") public var enabled: Bool
    @OptionalField(key: "disabled_reason") public var disabledReason: String?
    /// An optional fixed header (n8n's "Header Auth") sent with every delivery.
    @OptionalField(key: "auth_header_name") public var authHeaderName: String?
    @OptionalField(key: "auth_header_value") public var authHeaderValue: String?
    @Field(key: "secret") public var secret: String
    /// The secret before the last rotation, still signed with until it expires.
    @OptionalField(key: "previous_secret") public var previousSecret: String?
    @OptionalField(key: "previous_secret_expires_at") public var previousSecretExpiresAt: Date?
    /// Set by the first failure after a success; five days of failures disable the endpoint.
    @OptionalField(key: "failing_since") public var failingSince: Date?
    @Field(key: "created_at") public var createdAt: Date

    /// How long the previous secret still signs after a rotation.
    static let rotationOverlap: TimeInterval = 24 * 3600

    public init() {}

    public init(tenantID: UUID, url: String, label: String, eventTypes: [String], secret: String, now: Date) {
        self.tenantID = tenantID
        self.url = url
        self.label = label
        self.eventTypes = eventTypes.joined(separator: " ")
        self.enabled = true
        self.secret = secret
        self.createdAt = now
    }

    var eventTypeList: [String] { eventTypes.split(separator: " ").map(String.init) }

    func wants(_ type: String) -> Bool { eventTypes.isEmpty || eventTypeList.contains(type) }

    /// The secrets to sign with at `now`: the current one, then the previous one during rotation.
    func signingSecrets(at now: Date) -> [String] {
        guard let previous = previousSecret, let until = previousSecretExpiresAt, now < until else { return [secret] }
        return [secret, previous]
    }
}

public enum DeliveryState: String, Codable, Sendable {
    case pending, retrying, succeeded, failed
}

/// One event (message) on its way to one endpoint; its attempts are `WebhookAttempt`s.
public final class WebhookDelivery: TenantOwned, @unchecked Sendable {
    public static let schema = "webhook_deliveries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "endpoint_id") public var endpointID: UUID
    /// `webhook-id`: the same on every attempt and resend, so receivers can drop duplicates.
    @Field(key: "message_id") public var messageID: String
    @Field(key: "event_type") public var eventType: String
    /// The exact body sent (and signed) on every attempt.
    @Field(key: "body") public var body: String
    @Field(key: "state") public var state: DeliveryState
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_status") public var lastStatus: Int?
    @OptionalField(key: "last_attempt_at") public var lastAttemptAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(tenantID: UUID, endpointID: UUID, messageID: String, eventType: String, body: String, now: Date) {
        self.tenantID = tenantID
        self.endpointID = endpointID
        self.messageID = messageID
        self.eventType = eventType
        self.body = body
        self.state = .pending
        self.attempts = 0
        self.createdAt = now
    }
}

/// The log line of one HTTP call.
public final class WebhookAttempt: TenantOwned, @unchecked Sendable {
    public static let schema = "webhook_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "delivery_id") public var deliveryID: UUID
    @Field(key: "attempted_at") public var attemptedAt: Date
    @OptionalField(key: "status") public var status: Int?
    @Field(key: "duration_ms") public var durationMs: Int
    @OptionalField(key: "response_excerpt") public var responseExcerpt: String?
    @OptionalField(key: "error") public var error: String?

    public init() {}
}

struct CreateWebhookTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebhookEndpoint.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("url", .string, .required)
            .field("description", .string, .required)
            .field("event_types", .string, .required)
            .field("enabled", .bool, .required)
            .field("disabled_reason", .string)
            .field("auth_header_name", .string)
            .field("auth_header_value", .string)
            .field("secret", .string, .required)
            .field("previous_secret", .string)
            .field("previous_secret_expires_at", .datetime)
            .field("failing_since", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex(on: WebhookEndpoint.schema, "tenant_id")
        try await database.schema(WebhookDelivery.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("endpoint_id", .uuid, .required, .references(WebhookEndpoint.schema, "id", onDelete: .cascade))
            .field("message_id", .string, .required)
            .field("event_type", .string, .required)
            .field("body", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("last_status", .int)
            .field("last_attempt_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex(on: WebhookDelivery.schema, "tenant_id", "endpoint_id")
        try await database.schema(WebhookAttempt.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("delivery_id", .uuid, .required, .references(WebhookDelivery.schema, "id", onDelete: .cascade))
            .field("attempted_at", .datetime, .required)
            .field("status", .int)
            .field("duration_ms", .int, .required)
            .field("response_excerpt", .string)
            .field("error", .string)
            .create()
        try await database.createIndex(on: WebhookAttempt.schema, "delivery_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebhookAttempt.schema).delete()
        try await database.schema(WebhookDelivery.schema).delete()
        try await database.schema(WebhookEndpoint.schema).delete()
    }
}
