import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/invoices`: the documents, newest first, with the filters of `HistoryQuery`,
/// page after page, and the same list as CSV.
enum HistoryPage {
    struct Row: Encodable {
        let id: String
        let href: String
        let number: String
        let type: String
        let date: String
        let customer: String
        let total: String
        let status: String
        let statusText: String
        let sandbox: Bool
    }


    struct Content: Encodable {
        let base: String
        let rows: [Row]
        let filters: [String: String]
        let statuses: [SelectOption]
        let types: [SelectOption]
        let nextHref: String?
        let csvHref: String
        let errors: [String]
        let deleted: Bool
        let environment: String
    }

    static let filterNames = ["status", "type", "series", "customer_id", "from", "to", "min_total", "max_total", "q"]

    static func render(_ req: Request) async throws -> View {
        let base = try InvoicingPages.base(req)
        var filters: [String: String] = [:]
        for name in filterNames { filters[name] = req.query[String.self, at: name] ?? "" }
        var rows: [Row] = []
        var next: String?
        var errors: [String: String] = [:]
        do {
            let query = try HistoryQuery.read(req)
            let page = try await query.page(scope: try req.tenantScope)
            rows = try page.rows.map { try row($0, base: base, req: req) }
            next = page.next.map { "\(base)?\(queryString(filters, extra: ["cursor": $0]))" }
        } catch let problems as InputProblems {
            errors = problems.formErrors(req.language)
        }
        let session = try await InvoicingSession.of(req)
        let content = Content(
            base: base, rows: rows, filters: filters,
            statuses: InvoiceStatus.allCases.map { SelectOption(value: $0.rawValue, label: req.t("invoice.status.\($0.rawValue)"), selected: filters["status"] == $0.rawValue) },
            types: ["01", "03", "07", "08"].map { SelectOption(value: $0, label: req.t("invoice.type.\($0)"), selected: filters["type"] == $0) },
            nextHref: next, csvHref: "\(base)/export.csv?\(queryString(filters, extra: [:]))", errors: errors.keys.sorted().compactMap { errors[$0] },
            deleted: req.query[String.self, at: "deleted"] != nil, environment: session.environment.rawValue)
        return try await req.renderPage("invoicing/history", content, title: req.t("invoices.title"))
    }

    static func row(_ record: InvoiceRecord, base: String, req: Request) throws -> Row {
        let id = try record.requireID().lowercased
        return Row(id: id, href: "\(base)/\(id)", number: record.fullNumber ?? req.t("invoice.draft_number"),
                   type: req.t("invoice.type.\(record.documentType)"), date: LimaDate.parse(record.issueDate)?.formatted ?? record.issueDate,
                   customer: record.customerName,
                   total: Money(cents: record.totalCents, currency: Currency(rawValue: record.currency) ?? .pen).formatted,
                   status: record.status.rawValue, statusText: req.t("invoice.status.\(record.status.rawValue)"), sandbox: record.isSandbox)
    }

    static func queryString(_ filters: [String: String], extra: [String: String]) -> String {
        var components = URLComponents()
        components.queryItems = (filters.merging(extra) { _, new in new }).filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.percentEncodedQuery ?? ""
    }

    /// The filtered list as CSV (UTF-8 with BOM, so Excel in Spanish opens accents right;
    /// amounts with a dot as decimal separator, dates as dd/mm/yyyy).
    static func csv(_ req: Request) async throws -> Response {
        let query = try HistoryQuery.read(req)
        var lines = ["\u{FEFF}tipo,serie,numero,fecha,cliente_tipo_doc,cliente_numero,cliente,moneda,gravado,exonerado,inafecto,igv,total,estado,codigo_sunat"]
        try await query.all(scope: try req.tenantScope) { rows in
            for record in rows {
                let money = { (cents: Int64) in Money(cents: cents).decimalText }
                let fields = [record.documentType, record.series, record.number.map(String.init) ?? "",
                              LimaDate.parse(record.issueDate)?.formatted ?? record.issueDate, record.customerDocumentType,
                              record.customerDocumentNumber, record.customerName, record.currency, money(record.taxableCents),
                              money(record.exemptCents), money(record.unaffectedCents), money(record.igvCents), money(record.totalCents),
                              record.status.rawValue, record.sunatCode ?? ""]
                lines.append(fields.map(csvField).joined(separator: ","))
            }
        }
        let body = lines.joined(separator: "\r\n") + "\r\n"
        return Response(status: .ok, headers: [
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": "attachment; filename=\"comprobantes-\(LimaDate(req.application.clock.now()).iso).csv\"",
        ], body: .init(string: body))
    }

    /// Quotes a field when it needs it; a leading =, +, - or @ is neutralised so a spreadsheet
    /// never runs a customer's name as a formula.
    static func csvField(_ value: String) -> String {
        var text = value
        let negativeNumber = text.first == "-" && text.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
        if let first = text.first, "=+-@".contains(first), !negativeNumber { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
