import Fluent
import SQLKit

struct CreateTenantMembers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TenantMember.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "tenant_id", "user_id")
            .create()
        try await database.createIndex(on: TenantMember.schema, "user_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TenantMember.schema).delete()
    }
}
