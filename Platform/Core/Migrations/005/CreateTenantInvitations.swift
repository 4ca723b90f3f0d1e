import Fluent

struct CreateTenantInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TenantInvitation.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("token_hash", .string, .required)
            .field("invited_by", .uuid)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .unique(on: "tenant_id", "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TenantInvitation.schema).delete()
    }
}
