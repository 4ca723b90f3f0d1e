import Fluent

struct CreateOutboxMails: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox_mails")
            .id()
            .field("tenant_id", .uuid, .references(Tenant.schema, "id", onDelete: .setNull))
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("sent_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox_mails").delete()
    }
}
