import Fluent

struct CreateAPIKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIKey.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("prefix", .string, .required)
            .field("key_hash", .string, .required)
            .field("scopes", .string, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "prefix")
            .create()
        try await database.createIndex(on: APIKey.schema, "tenant_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIKey.schema).delete()
    }
}
