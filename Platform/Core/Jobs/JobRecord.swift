import Fluent
import Vapor

public enum JobState: String, Codable, Sendable, CaseIterable {
    /// Waiting for its run-at time.
    case queued
    /// Claimed by a worker until its lease expires.
    case running
    case succeeded
    /// The last attempt failed; it runs again at run-at.
    case failed
    /// Out of attempts (or failed for good); a person can retry it from the web app.
    case dead
}

/// One row of the durable job queue.
public final class JobRecord: Model, @unchecked Sendable {
    public static let schema = "jobs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    /// The handler's payload as JSON text.
    @Field(key: "payload") public var payload: String
    @OptionalField(key: "tenant_id") public var tenantID: UUID?
    @Field(key: "state") public var state: JobState
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "run_at") public var runAt: Date
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "locked_by") public var lockedBy: String?
    @OptionalField(key: "lease_expires_at") public var leaseExpiresAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    /// Failed and dead jobs can be put back in the queue by a person.
    public var isRetryable: Bool { state == .failed || state == .dead }

    init(kind: String, payload: String, tenantID: UUID?, runAt: Date, now: Date) {
        self.kind = kind
        self.payload = payload
        self.tenantID = tenantID
        self.state = .queued
        self.attempts = 0
        self.runAt = runAt
        self.createdAt = now
        self.updatedAt = now
    }
}

struct CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JobRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("tenant_id", .uuid, .references(Tenant.schema, "id", onDelete: .setNull))
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("run_at", .datetime, .required)
            .field("last_error", .string)
            .field("locked_by", .string)
            .field("lease_expires_at", .datetime)
            .field("finished_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        // The claim query walks (state, run_at); the pages list a tenant's jobs.
        try await database.createIndex(on: JobRecord.schema, "state", "run_at")
        try await database.createIndex(on: JobRecord.schema, "tenant_id", "state")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobRecord.schema).delete()
    }
}
