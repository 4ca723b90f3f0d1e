import Fluent

struct CreateTenantModules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TenantModule.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("module_id", .string, .required)
            .field("enabled_at", .datetime)
            .unique(on: "tenant_id", "module_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TenantModule.schema).delete()
    }
}
