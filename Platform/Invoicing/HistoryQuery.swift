import Core
import Fluent
import Foundation
import Shared
import SQLKit
import Vapor

/// The history's filters, from the page's form or the API's query string, and the one query
/// both run. Pages are keyset pages (created_at, id) over an index, so page 500 costs what
/// page 1 does; search is PostgreSQL full-text over number, customer and items (a GIN index),
/// and word-by-word LIKE on SQLite.
struct HistoryQuery {
    var status: InvoiceStatus?
    var type: String?
    var series: String?
    var customerID: UUID?
    var from: LimaDate?
    var to: LimaDate?
    var minCents: Int64?
    var maxCents: Int64?
    var text: String?
    var limit = 20
    var cursor: HistoryCursor?

    /// Reads the filters from query parameters; a bad one is a problem at `/<name>`.
    static func read(_ req: Request) throws(InputProblems) -> HistoryQuery {
        let log = ProblemLog()
        var query = HistoryQuery()
        let value = { (name: String) -> String? in
            guard let raw = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        if let raw = value("status") {
            query.status = InvoiceStatus(rawValue: raw)
            if query.status == nil { log.add("/status", .oneOf(InvoiceStatus.allCases.map(\.rawValue))) }
        }
        if let raw = value("type") {
            if ["01", "03", "07", "08"].contains(raw) { query.type = raw } else { log.add("/type", .oneOf(["01", "03", "07", "08"])) }
        }
        query.series = value("series")?.uppercased()
        if let raw = value("customer_id") {
            query.customerID = UUID(uuidString: raw)
            if query.customerID == nil { log.add("/customer_id", .format("uuid")) }
        }
        for (name, keyPath) in [("from", \HistoryQuery.from), ("to", \HistoryQuery.to)] {
            guard let raw = value(name) else { continue }
            guard let date = LimaDate.parse(raw) else { log.add("/\(name)", .format("YYYY-MM-DD")); continue }
            query[keyPath: keyPath] = date
        }
        for (name, keyPath) in [("min_total", \HistoryQuery.minCents), ("max_total", \HistoryQuery.maxCents)] {
            guard let raw = value(name) else { continue }
            guard let amount = DecimalText.parse(raw), amount >= 0, let money = Money(decimal: amount) else {
                log.add("/\(name)", .format("0.00")); continue
            }
            query[keyPath: keyPath] = money.cents
        }
        query.text = value("q")
        if let raw = value("limit") {
            if let limit = Int(raw), (1...100).contains(limit) { query.limit = limit } else { log.add("/limit", .oneOf(["1..100"])) }
        }
        if let raw = value("cursor") {
            query.cursor = HistoryCursor(raw)
            if query.cursor == nil { log.add("/cursor", .format("cursor")) }
        }
        try log.throwIfAny()
        return query
    }

    /// One page, newest first, and the cursor of the next one.
    func page(scope: TenantScope) async throws -> (rows: [InvoiceRecord], next: String?) {
        var builder = filtered(scope.query(InvoiceRecord.self), scope: scope)
        if let cursor {
            // A row-value comparison, which both databases answer from the (tenant, created_at, id)
            // index; the equivalent OR of two conditions made SQLite scan.
            builder = builder.filter(.sql(SQLQueryString("(\(ident: "created_at"), \(ident: "id")) < (\(bind: cursor.createdAt), \(bind: cursor.id))")))
        }
        let rows = try await builder.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(limit + 1).all()
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map(HistoryCursor.after) : nil
        return (page, next)
    }

    /// Every matching row, newest first, in batches (the CSV export).
    func all(scope: TenantScope, batch: Int = 500, _ body: ([InvoiceRecord]) async throws -> Void) async throws {
        var query = self
        query.limit = batch
        while true {
            let (rows, next) = try await query.page(scope: scope)
            try await body(rows)
            guard let next else { return }
            query.cursor = HistoryCursor(next)
        }
    }

    func filtered(_ base: QueryBuilder<InvoiceRecord>, scope: TenantScope) -> QueryBuilder<InvoiceRecord> {
        var builder = base
        if let status { builder = builder.filter(\.$status == status) }
        if let type { builder = builder.filter(\.$documentType == type) }
        if let series { builder = builder.filter(\.$series == series) }
        if let customerID { builder = builder.filter(\.$customerID == customerID) }
        if let from { builder = builder.filter(\.$issueDate >= from.iso) }
        if let to { builder = builder.filter(\.$issueDate <= to.iso) }
        if let minCents { builder = builder.filter(\.$totalCents >= minCents) }
        if let maxCents { builder = builder.filter(\.$totalCents <= maxCents) }
        let terms = SearchText.terms(text ?? "")
        if !terms.isEmpty {
            if let sql = scope.db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                // Prefix matching per word: "arro" finds "arroz"; tsquery syntax characters are dropped.
                let words = terms.flatMap { $0.split(separator: "-") }.map { $0.filter { $0.isLetter || $0.isNumber } }
                let query = words.filter { !$0.isEmpty }
                    .map { "\($0):*" }.joined(separator: " & ")
                if !query.isEmpty {
                    builder = builder.filter(.sql(unsafeRaw: "to_tsvector('simple', search_text) @@ to_tsquery('simple', '\(query.replacingOccurrences(of: "'", with: ""))')"))
                }
            } else {
                for term in terms { builder = builder.filter(\.$searchText ~~ term) }
            }
        }
        return builder
    }
}

/// Where a page of the history ended. Rows' `created_at` are whole milliseconds
/// (`InvoicingSession.newRecord`), so the cursor's time compares equal in both databases.
struct HistoryCursor {
    let createdAt: Date
    let id: UUID

    init?(_ text: String) {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let millis = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
        createdAt = Date(timeIntervalSince1970: Double(millis) / 1000)
        self.id = id
    }

    static func after(_ record: InvoiceRecord) -> String {
        "\(Int64((record.createdAt.timeIntervalSince1970 * 1000).rounded()))_\(record.id?.uuidString.lowercased() ?? "")"
    }
}
