import Core
import Fluent
import Invoicing
import Shared
import Vapor

/// What a report request asks for (the period, from the query) and the figures for it and for
/// the period before, read once for the page and every download.
struct ReportRequest {
    let period: ReportPeriod
    let range: LimaDateRange
    let previousRange: LimaDateRange
    let comparison: SalesComparison
    /// The enabled modules' own tables, for the period.
    let sections: [(section: ReportSection, rows: [[ReportSection.Value]])]

    /// The period from `?period=` or `?from=&to=`; a bad one throws `FieldErrors` on `from`.
    static func period(of req: Request) throws -> ReportPeriod {
        do {
            return try ReportPeriod.parse(preset: req.query[String.self, at: "period"], from: req.query[String.self, at: "from"],
                                          to: req.query[String.self, at: "to"])
        } catch {
            throw FieldErrors(["from": req.language == .en ? error.messageEn : error.message])
        }
    }

    /// The caller has checked `CorePermission.reports`.
    static func load(_ req: Request, period: ReportPeriod) async throws -> ReportRequest {
        let context = try req.tenantContext
        return try await build(app: req.application, tenantID: context.tenantID, modules: context.enabledModules, period: period, on: req.db)
    }

    /// The figures for `period`, with no request at hand (a background export).
    static func build(
        app: Application, tenantID: UUID, modules: Set<String>, period: ReportPeriod, on db: any Database
    ) async throws -> ReportRequest {
        let today = LimaDate(app.clock.now())
        let range = period.range(today: today)
        let previous = period.previousRange(today: today)
        let environment = try await InvoicingEnvironment.current(of: tenantID, on: db)
        let current = try await SalesQuery.report(tenantID: tenantID, environment: environment, from: range.from, to: range.to, on: db)
        let before = try await SalesQuery.report(tenantID: tenantID, environment: environment, from: previous.from, to: previous.to, on: db)
        var sections: [(section: ReportSection, rows: [[ReportSection.Value]])] = []
        let scope = TenantScope(tenantID: tenantID, db: db)
        for module in app.modules.modules where modules.contains(module.id) {
            for section in module.reportSections {
                sections.append((section, try await section.rows(scope, range.from, range.to)))
            }
        }
        return ReportRequest(period: period, range: range, previousRange: previous,
                             comparison: SalesComparison(current: current, previous: before), sections: sections)
    }
}
