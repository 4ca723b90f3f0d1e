import Fluent

struct CreateTenants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Tenant.schema)
            .id()
            .field("slug", .string, .required)
            .field("legal_name", .string, .required)
            .field("trade_name", .string)
            .field("ruc", .string, .required)
            .field("address", .string)
            .field("phone", .string)
            .field("email", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Tenant.schema).delete()
    }
}
