import Core
import Fluent

struct CreatePaymentTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Payment.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("reference", .string, .required)
            .field("description", .string, .required)
            .field("provider", .string, .required)
            .field("provider_payment_id", .string)
            .field("amount_cents", .int64, .required)
            .field("currency", .string, .required)
            .field("state", .string, .required)
            .field("idempotency_key", .string, .required)
            .field("failure_reason", .string)
            .field("raw_payload", .string)
            .field("next_step", .string)
            .field("expires_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "idempotency_key")
            .unique(on: "provider", "provider_payment_id")
            .create()
        try await database.createIndex(on: Payment.schema, "tenant_id", "purpose", "reference")
        try await database.createIndex(on: Payment.schema, "state", "expires_at")
        try await database.schema(PaymentProviderEvent.schema)
            .id()
            .field("provider", .string, .required)
            .field("event_id", .string, .required)
            .field("payment_id", .uuid, .references(Payment.schema, "id", onDelete: .cascade))
            .field("received_at", .datetime, .required)
            .unique(on: "provider", "event_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaymentProviderEvent.schema).delete()
        try await database.schema(Payment.schema).delete()
    }
}
