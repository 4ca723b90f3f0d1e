import Core
import Fluent

struct CreateNotificationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationMessage.schema)
            .id()
            .field("tenant_id", .uuid, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("recipient_name", .string, .required)
            .field("template", .string, .required)
            .field("language", .string, .required)
            .field("subject", .string)
            .field("body_text", .string, .required)
            .field("body_html", .string)
            .field("whatsapp_call", .string)
            .field("urgent", .bool, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("provider_id", .string)
            .field("error", .string)
            .field("scheduled_for", .datetime)
            .field("sent_at", .datetime)
            .field("delivered_at", .datetime)
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.createIndex(on: NotificationMessage.schema, "tenant_id", "created_at")
        try await database.createIndex(on: NotificationMessage.schema, "provider_id")

        try await database.schema(NotificationAttachmentRecord.schema)
            .id()
            .field("message_id", .uuid, .required, .references(NotificationMessage.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("data", .data, .required)
            .create()
        try await database.createIndex(on: NotificationAttachmentRecord.schema, "message_id")

        try await database.schema(TemplateOverride.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("template", .string, .required)
            .field("language", .string, .required)
            .field("subject", .string)
            .field("body", .string)
            .field("short", .string)
            .field("updated_at", .datetime)
            .unique(on: "tenant_id", "template", "language")
            .create()

        try await database.schema(NotificationOptOut.schema)
            .id()
            .field("scope", .string, .required)
            .field("channel", .string, .required)
            .field("address", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "scope", "channel", "address")
            .create()

        try await database.schema(NotificationPreferences.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("channel_order", .string, .required)
            .field("contact_phone", .string)
            .unique(on: "tenant_id")
            .create()

        try await database.schema(WhatsAppContact.schema)
            .id()
            .field("phone", .string, .required)
            .field("last_inbound_at", .datetime, .required)
            .unique(on: "phone")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [WhatsAppContact.schema, NotificationPreferences.schema, NotificationOptOut.schema,
                       TemplateOverride.schema, NotificationAttachmentRecord.schema, NotificationMessage.schema] {
            try await database.schema(schema).delete()
        }
    }
}
