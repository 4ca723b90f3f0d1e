import Core
import Fluent
import Foundation
import SQLKit

/// One row per step a business has got past: applied (or seen done in its data), or skipped.
/// The wizard resumes from these, and the admin funnel counts them.
final class OnboardingProgress: Model, @unchecked Sendable {
    static let schema = "onboarding_progress"
    /// The row written once every step is done or skipped.
    static let finishedKey = "_finished"

    enum Outcome: String, Codable, Sendable { case done, skipped }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "step_key") var stepKey: String
    @Enum(key: "outcome") var outcome: Outcome
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    static func of(_ tenantID: UUID, on db: any Database) async throws -> [String: Outcome] {
        let rows = try await OnboardingProgress.query(on: db).filter(\.$tenantID == tenantID).all()
        return Dictionary(rows.map { ($0.stepKey, $0.outcome) }, uniquingKeysWith: { first, _ in first })
    }

    /// Records `outcome` for the step; a step done after being skipped becomes done. The upsert
    /// keeps one row per step when two tabs submit at once.
    static func record(_ key: String, _ outcome: Outcome, tenantID: UUID, userID: UUID?, now: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            INSERT INTO \(ident: schema) (id, tenant_id, step_key, outcome, user_id, created_at)
            VALUES (\(bind: UUID()), \(bind: tenantID), \(bind: key), \(bind: outcome.rawValue), \(bind: userID), \(bind: now))
            ON CONFLICT (tenant_id, step_key) DO UPDATE SET outcome = EXCLUDED.outcome, user_id = EXCLUDED.user_id,
                created_at = EXCLUDED.created_at
            """).run()
    }
}

struct CreateOnboardingProgress: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OnboardingProgress.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("step_key", .string, .required)
            .field("outcome", .string, .required)
            .field("user_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "step_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OnboardingProgress.schema).delete()
    }
}
