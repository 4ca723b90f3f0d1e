import Core
import EInvoicing
import Fluent
import Shared
import Vapor

/// `/d/{token}`: the customer's page of one document, with no account: who issued it, its
/// number, date, total and state, and its PDF and XML. The token is 32 random bytes: the link
/// is the permission, so it is never listed anywhere and never guessable.
enum PublicDocumentPages {
    static func routes(_ app: Application) {
        let group = app.grouped("d", ":token")
        group.get(use: page)
        group.get("pdf", use: pdf)
        group.get("xml", use: xml)
    }

    static func url(_ record: InvoiceRecord, baseURL: String) -> String {
        "\(baseURL)/d/\(record.publicToken)"
    }

    static func newToken() -> String { RandomToken.make(bytes: 32) }

    private static func document(_ req: Request) async throws -> InvoiceRecord {
        guard let token = req.parameters.get("token"), token.count >= 32,
              let record = try await InvoiceRecord.query(on: req.db).filter(\.$publicToken == token).first(),
              record.status != .draft else { throw Abort(.notFound) }
        return record
    }

    struct Content: Encodable {
        let issuer: String
        let ruc: String
        let title: String
        let number: String
        let date: String
        let customer: String
        let total: String
        let state: String
        let stateText: String
        let sandbox: Bool
        let base: String
    }

    @Sendable static func page(req: Request) async throws -> View {
        let record = try await document(req)
        let profile = try await InvoicingProfile.query(on: req.db).filter(\.$tenantID == record.tenantID).first()
        let content = Content(
            issuer: profile?.tradeName ?? profile?.legalName ?? "", ruc: profile?.ruc ?? "",
            title: DocumentLabels.name(record.kind, req.language), number: record.fullNumber ?? "",
            date: LimaDate.parse(record.issueDate)?.formatted ?? record.issueDate, customer: record.customerName,
            total: Money(cents: record.totalCents, currency: Currency(rawValue: record.currency) ?? .pen).formatted,
            state: record.status.rawValue, stateText: req.t("invoice.status.\(record.status.rawValue)"), sandbox: record.isSandbox,
            base: "/d/\(record.publicToken)")
        return try await req.renderPage("invoicing/public", content, title: "\(content.title) \(content.number)")
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let record = try await document(req)
        let profile = try await InvoicingProfile.query(on: req.db).filter(\.$tenantID == record.tenantID).first()
        let format = req.query[String.self, at: "format"].flatMap(InvoicePrinter.Format.init(rawValue:)) ?? .a4
        return try DocumentFiles.pdf(record, profile: profile, format: format)
    }

    @Sendable static func xml(req: Request) async throws -> Response {
        try DocumentFiles.xml(try await document(req))
    }
}

/// The file answers of a document, shared by the business's pages, the customer's link and the API.
enum DocumentFiles {
    static func pdf(_ record: InvoiceRecord, profile: InvoicingProfile?, format: InvoicePrinter.Format) throws -> Response {
        guard record.xml != nil else { throw APIError(.notFound, code: "not_found", message: "Un borrador no tiene PDF: emítalo primero.") }
        return file(try InvoicePrinter.pdf(record, profile: profile, format: format), type: "application/pdf",
                    name: InvoicePrinter.fileName(record, extension: "pdf"))
    }

    static func xml(_ record: InvoiceRecord) throws -> Response {
        guard let xml = record.xml else { throw APIError(.notFound, code: "not_found", message: "Un borrador no tiene XML: emítalo primero.") }
        return file(xml, type: "application/xml", name: InvoicePrinter.fileName(record, extension: "xml"))
    }

    static func cdr(_ record: InvoiceRecord) throws -> Response {
        guard let cdr = record.cdr else {
            throw APIError(.notFound, code: "not_found", message: "SUNAT aún no responde por este comprobante: no hay CDR todavía.")
        }
        return file(cdr, type: "application/xml", name: "R-\(InvoicePrinter.fileName(record, extension: "xml"))")
    }

    static func file(_ data: Data, type: String, name: String) -> Response {
        Response(status: .ok, headers: [
            "Content-Type": type, "Content-Disposition": "inline; filename=\"\(name)\"", "Cache-Control": "private, no-store",
        ], body: .init(data: data))
    }
}
