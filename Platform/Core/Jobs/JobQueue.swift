import Fluent
import SQLKit
import Vapor

/// The durable job queue: rows in the `jobs` table, claimed with a lease.
///
/// On PostgreSQL the claim is `SELECT ... FOR UPDATE SKIP LOCKED`, so any number of workers in
/// any number of processes never take one job twice. SQLite serialises writers, so the same
/// statement without the locking clause is already exclusive there. Every state change after
/// the claim is fenced on `locked_by`: a worker whose lease expired cannot overwrite the work
/// of the worker that took the job over.
public enum JobQueue {
    public struct LeaseLost: Error, CustomStringConvertible {
        public let jobID: UUID
        public var description: String { "job \(jobID) is no longer owned by this worker (lease expired)" }
    }

    /// Adds a job, in `db`'s transaction if there is one: enqueue it together with the change
    /// that calls for it, and it exists exactly when that change does.
    @discardableResult
    public static func enqueue<Payload>(
        _ kind: JobKind<Payload>, _ payload: Payload, tenantID: UUID? = nil, runAt: Date, on db: any Database
    ) async throws -> UUID {
        let json = String(decoding: try JSONEncoder.jobs.encode(payload), as: UTF8.self)
        let job = JobRecord(kind: kind.name, payload: json, tenantID: tenantID, runAt: runAt, now: runAt)
        try await job.create(on: db)
        return try job.requireID()
    }

    /// Takes up to `limit` due jobs of `kinds` for `owner`: queued or failed ones whose run-at
    /// has come, and running ones whose worker let the lease expire.
    static func claim(
        kinds: [String], limit: Int, owner: String, lease: TimeInterval, now: Date, on db: any Database
    ) async throws -> [JobRecord] {
        guard limit > 0, !kinds.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        let locking: SQLQueryString = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            UPDATE jobs SET state = 'running', locked_by = \(bind: owner),
                lease_expires_at = \(bind: now.addingTimeInterval(lease)),
                attempts = attempts + 1, updated_at = \(bind: now)
            WHERE id IN (
                SELECT id FROM jobs
                WHERE kind IN (\(binds: kinds)) AND (
                    (state IN ('queued', 'failed') AND run_at <= \(bind: now))
                    OR (state = 'running' AND lease_expires_at < \(bind: now)))
                ORDER BY run_at
                LIMIT \(bind: limit)
                \(locking))
            RETURNING id
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await JobRecord.query(on: db).filter(\.$id ~~ ids).sort(\.$runAt).all()
    }

    /// Marks a claimed job done; false if `owner` no longer holds it.
    static func markSucceeded(_ id: UUID, owner: String, now: Date, on db: any Database) async throws -> Bool {
        try await fencedUpdate(id, owner: owner, on: db, """
            state = 'succeeded', finished_at = \(bind: now), last_error = NULL, updated_at = \(bind: now)
            """)
    }

    /// Schedules the next attempt, or buries the job when `retryAt` is nil.
    @discardableResult
    static func markFailed(
        _ id: UUID, owner: String, error: String, retryAt: Date?, now: Date, on db: any Database
    ) async throws -> Bool {
        let message = String(error.prefix(2000))
        if let retryAt {
            return try await fencedUpdate(id, owner: owner, on: db, """
                state = 'failed', run_at = \(bind: retryAt), last_error = \(bind: message), updated_at = \(bind: now)
                """)
        }
        return try await fencedUpdate(id, owner: owner, on: db, """
            state = 'dead', finished_at = \(bind: now), last_error = \(bind: message), updated_at = \(bind: now)
            """)
    }

    private static func fencedUpdate(
        _ id: UUID, owner: String, on db: any Database, _ assignments: SQLQueryString
    ) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.raw("""
            UPDATE jobs SET \(assignments), locked_by = NULL, lease_expires_at = NULL
            WHERE id = \(bind: id) AND state = 'running' AND locked_by = \(bind: owner)
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Puts a failed or dead job back in the queue now, with a fresh set of attempts (the
    /// retry button). Running and succeeded jobs are left alone; false if nothing changed.
    @discardableResult
    public static func retry(_ job: JobRecord, now: Date, on db: any Database) async throws -> Bool {
        guard job.isRetryable else { return false }
        job.state = .queued
        job.attempts = 0
        job.runAt = now
        job.finishedAt = nil
        job.updatedAt = now
        try await job.save(on: db)
        return true
    }
}
