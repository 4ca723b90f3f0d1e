import Core
import Shared
import Vapor

/// `/t/{business}/reports`: the sales report for a period, with the period before to compare,
/// charts that read on a phone, and the tables under them.
enum ReportPages {
    static func routes(_ app: Application) {
        let pages = app.tenantPages.grouped("reports")
        pages.get(use: show)
        ReportDownloads.routes(pages)
    }

    struct PeriodLink: Encodable { let label: String; let href: String; let current: Bool }
    struct Card: Encodable { let label: String; let value: String; let id: String }
    struct TableRow: Encodable { let label: String; let count: String; let total: String; let share: String }
    struct Table: Encodable { let id: String; let title: String; let countTitle: String; let rows: [TableRow]; let empty: Bool }

    struct Section: Encodable { let id: String; let title: String; let columns: [String]; let rows: [[String]]; let empty: Bool }

    struct Content: Encodable {
        let title: String
        let presets: [PeriodLink]
        let from: String
        let to: String
        let error: String?
        let cards: [Card]
        let change: String?
        let bars: String
        let comparison: String
        let share: String
        let tables: [Table]
        let sections: [Section]
        let xlsxHref: String
        let pdfHref: String
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try req.require(CorePermission.reports)
        let period: ReportPeriod
        var error: String?
        do {
            period = try ReportRequest.period(of: req)
        } catch let refused as FieldErrors {
            period = .thisMonth
            error = refused["from"]
        }
        let report = try await ReportRequest.load(req, period: period)
        let content = ReportView.content(report, req, error: error)
        return try await req.renderPage("reports/index", content, title: req.t("reports.title"))
            .encodeResponse(status: error == nil ? .ok : .badRequest, for: req)
    }
}
