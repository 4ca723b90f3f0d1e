import Fluent

struct CreateLoginAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("email", .string, .required)
            .field("ip", .string, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        try await database.createIndex(on: LoginAttempt.schema, "email")
        try await database.createIndex(on: LoginAttempt.schema, "ip")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema).delete()
    }
}
