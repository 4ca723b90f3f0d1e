import Fluent
import Shared
import SQLKit
import Vapor

/// Background jobs as people see them: the owner sees the business's own jobs, the platform
/// admin every queue. Failed and dead jobs come first, each with a retry button.
enum JobsController {
    struct JobRow: Encodable {
        let id: String
        let kind: String
        let tenant: String
        let state: String
        let stateLabel: String
        let attempts: Int
        let runAt: String
        let lastError: String
        let canRetry: Bool
    }

    struct TenantContent: Encodable {
        let jobs: [JobRow]
        let hasJobs: Bool
        let retried: Bool
    }

    @Sendable static func tenantJobs(req: Request) async throws -> View {
        try req.require(CorePermission.jobs)
        let scope = try req.tenantScope
        let troubled = try await JobRecord.query(on: scope.db).filter(\.$tenantID == scope.tenantID)
            .filter(\.$state ~~ [.failed, .dead]).sort(\.$updatedAt, .descending).limit(50).all()
        let recent = try await JobRecord.query(on: scope.db).filter(\.$tenantID == scope.tenantID)
            .filter(\.$state !~ [.failed, .dead]).sort(\.$updatedAt, .descending).limit(50).all()
        let rows = (troubled + recent).map { row($0, tenant: "", req) }
        let content = TenantContent(jobs: rows, hasJobs: !rows.isEmpty, retried: req.query[String.self, at: "retried"] == "true")
        return try await req.renderPage("jobs/tenant", content, title: req.t("jobs.title"), forms: true)
    }

    @Sendable static func retryTenantJob(req: Request) async throws -> Response {
        try req.require(CorePermission.jobs)
        let scope = try req.tenantScope
        guard let job = try await JobRecord.query(on: scope.db).filter(\.$tenantID == scope.tenantID)
            .filter(\.$id == (req.parameters.get("job", as: UUID.self) ?? UUID())).first() else { throw Abort(.notFound) }
        try await JobQueue.retry(job, now: req.application.clock.now(), on: req.db)
        return req.redirect(to: "/t/\(try req.tenantContext.tenant.slug)/jobs?retried=true")
    }

    struct CountRow: Encodable { let kind: String; let counts: [Int] }
    struct ScheduleRow: Encodable { let name: String; let cron: String; let next: String; let last: String }

    struct AdminContent: Encodable {
        let states: [String]
        let counts: [CountRow]
        let jobs: [JobRow]
        let hasJobs: Bool
        let schedules: [ScheduleRow]
        let retried: Bool
    }

    @Sendable static func adminJobs(req: Request) async throws -> View {
        let troubled = try await JobRecord.query(on: req.db).filter(\.$state ~~ [.failed, .dead])
            .sort(\.$updatedAt, .descending).limit(100).all()
        let slugs = try await tenantSlugs(Set(troubled.compactMap(\.tenantID)), on: req.db)
        let schedules = try await JobScheduleRow.query(on: req.db).sort(\.$id).all().map {
            ScheduleRow(name: $0.id ?? "", cron: $0.cron, next: LimaCalendar.formatDateTime($0.nextRunAt),
                        last: $0.lastRunAt.map(LimaCalendar.formatDateTime) ?? "—")
        }
        let rows = troubled.map { row($0, tenant: $0.tenantID.flatMap { slugs[$0] } ?? "—", req) }
        let content = AdminContent(
            states: JobState.allCases.map { req.t("jobs.state.\($0.rawValue)") },
            counts: try await counts(on: req.db), jobs: rows, hasJobs: !rows.isEmpty, schedules: schedules,
            retried: req.query[String.self, at: "retried"] == "true")
        return try await req.renderPage("jobs/admin", content, title: req.t("jobs.admin_title"), forms: true)
    }

    @Sendable static func retryAnyJob(req: Request) async throws -> Response {
        guard let job = try await JobRecord.find(req.parameters.get("job", as: UUID.self), on: req.db) else {
            throw Abort(.notFound)
        }
        try await JobQueue.retry(job, now: req.application.clock.now(), on: req.db)
        return req.redirect(to: "/admin/jobs?retried=true")
    }

    /// Jobs per kind and state, states in `JobState.allCases` order.
    private static func counts(on db: any Database) async throws -> [CountRow] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw("SELECT kind, state, COUNT(*) AS n FROM jobs GROUP BY kind, state").all()
        var table: [String: [String: Int]] = [:]
        for row in rows {
            let kind = try row.decode(column: "kind", as: String.self)
            table[kind, default: [:]][try row.decode(column: "state", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return table.keys.sorted().map { kind in
            CountRow(kind: kind, counts: JobState.allCases.map { table[kind]?[$0.rawValue] ?? 0 })
        }
    }

    private static func tenantSlugs(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let tenants = try await Tenant.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: tenants.compactMap { t in t.id.map { ($0, t.slug) } })
    }

    private static func row(_ job: JobRecord, tenant: String, _ req: Request) -> JobRow {
        JobRow(
            id: job.id?.uuidString ?? "", kind: job.kind, tenant: tenant, state: job.state.rawValue,
            stateLabel: req.t("jobs.state.\(job.state.rawValue)"), attempts: job.attempts,
            runAt: LimaCalendar.formatDateTime(job.runAt), lastError: job.lastError ?? "",
            canRetry: job.isRetryable)
    }
}

/// `/admin/...` is for platform admins; anyone else is sent to sign in or gets 404.
public struct PlatformAdminMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else { return request.redirect(to: "/login") }
        guard user.isPlatformAdmin else { throw Abort(.notFound) }
        return try await next.respond(to: request)
    }
}
