import Core
import EInvoicingPDF
import Fluent
import Foundation
import Invoicing
import Shared
import Vapor

/// The Excel and PDF downloads. A report over few documents is drawn while the owner waits; a
/// big one (a year of a busy bodega) is made by a job, with a page that shows its progress and
/// then the link.
enum ReportDownloads {
    struct Ref: Codable, Sendable { let exportID: UUID }
    static let kind = JobKind<Ref>("reports.export")

    static func routes(_ pages: any RoutesBuilder) {
        pages.get("ventas.xlsx") { try await download($0, .xlsx) }
        pages.get("ventas.pdf") { try await download($0, .pdf) }
        pages.get("exports", ":export", use: ExportPage.show)
        pages.get("exports", ":export", "file", use: ExportPage.file)
    }

    static func download(_ req: Request, _ format: ReportExport.Format) async throws -> Response {
        try req.require(CorePermission.reports)
        let period = try ReportRequest.period(of: req)
        let context = try req.tenantContext
        let range = period.range(today: LimaDate(req.application.clock.now()))
        let count = try await SalesQuery.documentCount(tenantID: context.tenantID, from: range.from, to: range.to, on: req.db)
        if count > req.application.reportJobThreshold {
            let id = try await queue(format, range: range, req)
            return req.redirect(to: "/t/\(context.tenant.slug)/reports/exports/\(id.uuidString.lowercased())")
        }
        let report = try await ReportRequest.load(req, period: period)
        let data = try await file(report, format, tenantID: context.tenantID, language: req.language, app: req.application, on: req.db)
        return attachment(data, format, filename: "ventas-\(range.from.iso)-\(range.to.iso).\(format.rawValue)")
    }

    /// The export row and its job, together.
    static func queue(_ format: ReportExport.Format, range: LimaDateRange, _ req: Request) async throws -> UUID {
        let context = try req.tenantContext
        let now = req.application.clock.now()
        let export = ReportExport()
        (export.tenantID, export.userID, export.format, export.language) = (context.tenantID, context.user?.id, format, req.language.rawValue)
        (export.fromDay, export.toDay, export.state, export.progress, export.createdAt) = (range.from.iso, range.to.iso, .queued, 0, now)
        return try await req.db.transaction { tx in
            try await export.create(on: tx)
            let id = try export.requireID()
            _ = try await JobQueue.enqueue(kind, Ref(exportID: id), tenantID: context.tenantID, runAt: now, on: tx)
            return id
        }
    }

    static func file(
        _ report: ReportRequest, _ format: ReportExport.Format, tenantID: UUID, language: Language, app: Application, on db: any Database
    ) async throws -> Data {
        switch format {
        case .xlsx:
            return try ReportWorkbook.workbook(report, language).data()
        case .pdf:
            guard let tenant = try await Tenant.find(tenantID, on: db) else { throw Abort(.notFound) }
            let profile = try await InvoicingProfile.query(on: db).filter(\.$tenantID == tenantID).first()
            return try ReportDocument.pdf(report, business: "\(tenant.displayName) · RUC \(tenant.ruc)", logo: profile?.logoPNG,
                                          language: language, generated: app.clock.now()).render()
        }
    }

    static func attachment(_ data: Data, _ format: ReportExport.Format, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: format.contentType)
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }

    /// Makes the file, moving the progress bar as it goes; a last failed attempt says so on the page.
    static var handler: JobHandler {
        JobHandler(kind, timeout: 600) { ref, context in
            let db = context.db
            guard let export = try await ReportExport.find(ref.exportID, on: db), export.state != .done else { return }
            do {
                (export.state, export.progress) = (.running, 10)
                try await export.save(on: db)
                guard let from = LimaDate.parse(export.fromDay), let to = LimaDate.parse(export.toDay) else {
                    throw PermanentJobError("export \(ref.exportID) has no valid range")
                }
                let modules = try await TenantLoader.enabledModules(of: export.tenantID, on: db)
                let report = try await ReportRequest.build(app: context.application, tenantID: export.tenantID, modules: modules,
                                                           period: .custom(from: from, to: to), on: db)
                export.progress = 60
                try await export.save(on: db)
                let language = Language(rawValue: export.language) ?? .es
                export.file = try await file(report, export.format, tenantID: export.tenantID, language: language, app: context.application, on: db)
                (export.state, export.progress, export.finishedAt) = (.done, 100, context.now)
                try await export.save(on: db)
            } catch {
                if context.isLastAttempt || error is PermanentJobError {
                    (export.state, export.error) = (.failed, "\(error)")
                    try await export.save(on: db)
                }
                throw error
            }
        }
    }
}

extension Application {
    private struct JobThresholdKey: StorageKey { typealias Value = Int }

    /// Reports reading more documents than this are made by a job (tests lower it).
    var reportJobThreshold: Int {
        get { storage[JobThresholdKey.self] ?? 20_000 }
        set { storage[JobThresholdKey.self] = newValue }
    }
}
