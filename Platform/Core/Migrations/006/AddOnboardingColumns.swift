import Fluent
import SQLKit

/// Email verification, the business's district, and the record of sample rows.
struct AddOnboardingColumns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(User.schema).field("email_verified_at", .datetime).update()
        try await database.schema(Tenant.schema).field("district", .string).update()
        // Accounts made before verification existed signed up by hand or from an emailed invitation.
        if let sql = database as? any SQLDatabase {
            try await sql.raw("UPDATE users SET email_verified_at = created_at").run()
        }
        try await database.schema(SampleRow.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("module_id", .string, .required)
            .field("kind", .string, .required)
            .field("row_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex(on: SampleRow.schema, "tenant_id", "module_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SampleRow.schema).delete()
        try await database.schema(Tenant.schema).deleteField("district").update()
        try await database.schema(User.schema).deleteField("email_verified_at").update()
    }
}
