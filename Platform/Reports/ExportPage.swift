import Core
import Fluent
import Vapor

/// `/t/{t}/reports/exports/{id}`: a background report's progress, then its link.
enum ExportPage {
    struct Content: Encodable {
        let state: String
        let progress: Int
        let title: String
        let fileHref: String?
        let reportHref: String
        let failed: Bool
        let waiting: Bool
    }

    static func export(_ req: Request) async throws -> ReportExport {
        try req.require(CorePermission.reports)
        return try await req.tenantScope.require(ReportExport.self, req.parameters.get("export", as: UUID.self))
    }

    @Sendable static func show(req: Request) async throws -> View {
        let export = try await export(req)
        let base = "/t/\(try req.tenantContext.tenant.slug)/reports"
        let id = try export.requireID().uuidString.lowercased()
        let content = Content(
            state: req.t("reports.export.\(export.state.rawValue)"), progress: export.progress,
            title: "\(export.filename)", fileHref: export.state == .done ? "\(base)/exports/\(id)/file" : nil,
            reportHref: "\(base)?from=\(export.fromDay)&to=\(export.toDay)", failed: export.state == .failed,
            waiting: export.state == .queued || export.state == .running)
        return try await req.renderPage("reports/export", content, title: req.t("reports.export.title"))
    }

    @Sendable static func file(req: Request) async throws -> Response {
        let export = try await export(req)
        guard export.state == .done, let data = export.file else { throw Abort(.conflict, reason: req.t("reports.export.not_ready")) }
        return ReportDownloads.attachment(data, export.format, filename: export.filename)
    }
}
