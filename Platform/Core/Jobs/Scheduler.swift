import Fluent
import Shared
import SQLKit
import Vapor

/// A job that a module wants enqueued on a cron schedule in America/Lima, like the nightly
/// membership sweep ("0 2 * * *").
public struct ScheduledJob: Sendable {
    /// Unique and stable: the schedule's row in `job_schedules` is keyed by it.
    public let name: String
    public let schedule: CronSchedule
    let enqueue: @Sendable (_ db: any Database, _ tick: Date) async throws -> Void

    public init<Payload>(_ name: String, _ schedule: CronSchedule, kind: JobKind<Payload>, payload: Payload) {
        self.name = name
        self.schedule = schedule
        self.enqueue = { db, tick in _ = try await JobQueue.enqueue(kind, payload, runAt: tick, on: db) }
    }
}

extension Application {
    private struct SchedulesKey: StorageKey { typealias Value = [ScheduledJob] }

    public var scheduledJobs: [ScheduledJob] {
        get { storage[SchedulesKey.self] ?? [] }
        set {
            precondition(Set(newValue.map(\.name)).count == newValue.count, "two scheduled jobs share a name")
            storage[SchedulesKey.self] = newValue
        }
    }
}

/// Turns due schedules into jobs. Each schedule has one row holding its next fire time; an
/// instance that sees it due moves it forward with a conditional UPDATE and enqueues the job in
/// the same transaction. On PostgreSQL a second instance blocks on the row lock, then sees the
/// moved time and backs off, so each tick runs once however many instances tick together.
/// Ticks missed while every instance was down collapse into one run.
public enum Scheduler {
    /// Enqueues the jobs whose time has come; returns the names of the schedules that fired.
    @discardableResult
    public static func tick(_ app: Application) async throws -> [String] {
        guard let sql = app.db as? any SQLDatabase else { return [] }
        let now = app.clock.now()
        // One read per tick; a transaction only for a schedule that looks due.
        let rows = try await JobScheduleRow.query(on: app.db).all()
        let known = Dictionary(rows.compactMap { row in row.id.map { ($0, row) } }) { first, _ in first }
        var fired: [String] = []
        for job in app.scheduledJobs {
            guard let row = known[job.name], row.cron == job.schedule.expression else {
                try await register(job, now: now, on: sql)
                continue  // a new or changed schedule first fires after now
            }
            guard row.nextRunAt <= now else { continue }
            let won: Bool = try await app.db.transaction { tx in
                guard let txSQL = tx as? any SQLDatabase else { return false }
                let rows = try await txSQL.raw("""
                    UPDATE job_schedules SET next_run_at = \(bind: job.schedule.next(after: now)),
                        last_run_at = \(bind: now)
                    WHERE name = \(bind: job.name) AND next_run_at <= \(bind: now)
                    RETURNING name
                    """).all()
                guard !rows.isEmpty else { return false }
                try await job.enqueue(tx, now)
                return true
            }
            if won { fired.append(job.name) }
        }
        return fired
    }

    /// Creates the schedule's row on first sight, and follows a changed cron expression.
    private static func register(_ job: ScheduledJob, now: Date, on sql: any SQLDatabase) async throws {
        let next = job.schedule.next(after: now)
        try await sql.insert(into: "job_schedules")
            .columns("name", "cron", "next_run_at")
            .values(SQLBind(job.name), SQLBind(job.schedule.expression), SQLBind(next))
            .ignoringConflicts(with: ["name"])
            .run()
        try await sql.raw("""
            UPDATE job_schedules SET cron = \(bind: job.schedule.expression), next_run_at = \(bind: next)
            WHERE name = \(bind: job.name) AND cron <> \(bind: job.schedule.expression)
            """).run()
    }
}

/// A schedule's row, for the admin page.
public final class JobScheduleRow: Model, @unchecked Sendable {
    public static let schema = "job_schedules"

    @ID(custom: "name", generatedBy: .user) public var id: String?
    @Field(key: "cron") public var cron: String
    @Field(key: "next_run_at") public var nextRunAt: Date
    @OptionalField(key: "last_run_at") public var lastRunAt: Date?

    public init() {}
}

struct CreateJobSchedules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JobScheduleRow.schema)
            .field("name", .string, .identifier(auto: false))
            .field("cron", .string, .required)
            .field("next_run_at", .datetime, .required)
            .field("last_run_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobScheduleRow.schema).delete()
    }
}
