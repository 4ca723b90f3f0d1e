import Fluent
import SQLKit

/// A sandbox key's documents are signed but never sent to SUNAT, and numbered apart.
struct AddSandboxToAPIKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIKey.schema)
            .field("sandbox", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIKey.schema).deleteField("sandbox").update()
    }
}
