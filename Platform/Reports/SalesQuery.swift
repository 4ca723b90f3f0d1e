import Core
import Fluent
import Foundation
import Invoicing
import Shared
import SQLKit

/// Reads a `SalesReport` from the invoicing documents: SQL sums for totals, days, customers,
/// payment methods and staff; the items of each document for products. Only documents the
/// business really issued count: signed, sent or accepted by SUNAT, in its current
/// environment (a business still in test mode sees its test documents).
enum SalesQuery {
    /// Documents that sell: facturas 01, boletas 03, debit notes 08; credit notes 07 subtract.
    static let types = ["01", "03", "07", "08"]

    static func report(
        tenantID: UUID, environment: InvoicingEnvironment, from: LimaDate, to: LimaDate, on db: any Database
    ) async throws -> SalesReport {
        guard let sql = db as? any SQLDatabase else { throw SalesQueryError.notSQL }
        let scope = Scope(tenantID: tenantID, environment: environment, from: from, to: to)
        // One after the other: a request's database is one connection from a small pool, and the
        // products' read is the long one.
        return SalesReport(
            from: from, to: to, totals: try await totals(scope, sql), days: try await days(scope, sql),
            customers: try await grouped(scope, sql, by: "customer_document_number", key: "customer_document_number", label: "MAX(customer_name)"),
            products: sql.dialect.name == "postgresql" ? try await productsInSQL(scope, sql) : try await products(scope, db),
            paymentMethods: try await grouped(scope, sql, by: "payment_method", key: "payment_method", label: "payment_method"),
            staff: try await staff(scope, sql, db))
    }

    /// How many documents a report over `from...to` reads: decides whether it waits for a job.
    static func documentCount(tenantID: UUID, from: LimaDate, to: LimaDate, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw SalesQueryError.notSQL }
        let environment = try await InvoicingEnvironment.current(of: tenantID, on: db)
        let scope = Scope(tenantID: tenantID, environment: environment, from: from, to: to)
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: InvoiceRecord.schema) WHERE \(scope.filter)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    struct Scope: Sendable {
        let tenantID: UUID
        let environment: InvoicingEnvironment
        let from: LimaDate
        let to: LimaDate

        /// `WHERE` for the documents in the report (issue dates are `yyyy-mm-dd`, so they compare as text).
        var filter: SQLQueryString {
            """
            tenant_id = \(bind: tenantID) AND environment = \(bind: environment.rawValue)
            AND status IN ('signed', 'sent', 'accepted', 'observed')
            AND document_type IN ('01', '03', '07', '08')
            AND issue_date >= \(bind: from.iso) AND issue_date <= \(bind: to.iso)
            """
        }
    }

    /// A column summed with credit notes negative. PostgreSQL sums BIGINTs as NUMERIC: the cast
    /// brings it back to an integer both databases hand over as one.
    static func net(_ column: String) -> SQLQueryString {
        "CAST(SUM(CASE WHEN document_type = '07' THEN -(\(unsafeRaw: column)) ELSE \(unsafeRaw: column) END) AS BIGINT)"
    }

    /// How many documents (not credit notes), as an integer on both databases.
    static let documentCount: SQLQueryString = "CAST(SUM(CASE WHEN document_type = '07' THEN 0 ELSE 1 END) AS BIGINT)"

    static func totals(_ scope: Scope, _ sql: any SQLDatabase) async throws -> SalesReport.Totals {
        let row = try await sql.raw("""
            SELECT \(net("taxable_cents + exempt_cents + unaffected_cents")) AS subtotal, \(net("igv_cents")) AS igv,
                   \(net("total_cents")) AS total,
                   \(documentCount) AS documents,
                   CAST(SUM(CASE WHEN document_type = '07' THEN 1 ELSE 0 END) AS BIGINT) AS notes
            FROM \(ident: InvoiceRecord.schema) WHERE \(scope.filter)
            """).first()
        var totals = SalesReport.Totals()
        guard let row else { return totals }
        totals.subtotal = try row.decodeNil(column: "subtotal") ? 0 : row.decode(column: "subtotal", as: Int64.self)
        totals.igv = try row.decodeNil(column: "igv") ? 0 : row.decode(column: "igv", as: Int64.self)
        totals.total = try row.decodeNil(column: "total") ? 0 : row.decode(column: "total", as: Int64.self)
        totals.documents = try row.decodeNil(column: "documents") ? 0 : row.decode(column: "documents", as: Int.self)
        totals.creditNotes = try row.decodeNil(column: "notes") ? 0 : row.decode(column: "notes", as: Int.self)
        return totals
    }

    static func days(_ scope: Scope, _ sql: any SQLDatabase) async throws -> [(day: LimaDate, total: Int64)] {
        let rows = try await sql.raw("""
            SELECT issue_date, \(net("total_cents")) AS total FROM \(ident: InvoiceRecord.schema)
            WHERE \(scope.filter) GROUP BY issue_date
            """).all()
        var byDay: [String: Int64] = [:]
        for row in rows { byDay[try row.decode(column: "issue_date", as: String.self)] = try row.decode(column: "total", as: Int64.self) }
        let count = scope.from.daysUntil(scope.to) + 1
        return (0..<max(count, 0)).map { offset in
            let day = scope.from.adding(days: offset)
            return (day, byDay[day.iso] ?? 0)
        }
    }

    /// Totals by one column, largest first; a missing value is its own row ("sin dato").
    static func grouped(
        _ scope: Scope, _ sql: any SQLDatabase, by column: String, key: String, label: String
    ) async throws -> [SalesReport.Row] {
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: key) AS key, \(unsafeRaw: label) AS label,
                   \(documentCount) AS documents, \(net("total_cents")) AS total
            FROM \(ident: InvoiceRecord.schema) WHERE \(scope.filter) GROUP BY \(unsafeRaw: column)
            """).all()
        return try rows.map { row in
            let key = try row.decodeNil(column: "key") ? "" : row.decode(column: "key", as: String.self)
            let label = try row.decodeNil(column: "label") ? "" : row.decode(column: "label", as: String.self)
            return SalesReport.Row(key: key, label: label, count: Decimal(try row.decode(column: "documents", as: Int.self)),
                                   total: try row.decode(column: "total", as: Int64.self))
        }.sorted { ($0.total, $1.label) > ($1.total, $0.label) }
    }

    /// By the member who issued, with their names. The id is read as text (PostgreSQL has no
    /// MAX of a uuid, and writes it in lowercase where SQLite keeps what was stored).
    static func staff(_ scope: Scope, _ sql: any SQLDatabase, _ db: any Database) async throws -> [SalesReport.Row] {
        let rows = try await grouped(scope, sql, by: "issued_by", key: "CAST(issued_by AS TEXT)", label: "''")
        let ids = rows.compactMap { UUID(uuidString: $0.key) }
        let names = Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id, $0.name) })
        return rows.map { row in
            let id = UUID(uuidString: row.key)
            return SalesReport.Row(key: id?.uuidString ?? "", label: id.flatMap { names[$0] } ?? "", count: row.count, total: row.total)
        }
    }

    /// By product on PostgreSQL: the items unnested and summed there, in exact `numeric`, each
    /// item rounded to céntimos as the Swift reading below does (a month of a busy bodega is
    /// 300,000 items; decoding them in Swift took seconds).
    static func productsInSQL(_ scope: Scope, _ sql: any SQLDatabase) async throws -> [SalesReport.Row] {
        let rows = try await sql.raw("""
            SELECT COALESCE(item->>'product_code', item->>'description') AS key, MAX(item->>'description') AS description,
                   BOOL_OR(item ? 'product_code') AS coded,
                   CAST(SUM(CASE WHEN document_type = '07' THEN -1 ELSE 1 END * (item->>'quantity')::numeric) AS TEXT) AS quantity,
                   CAST(SUM(CASE WHEN document_type = '07' THEN -1 ELSE 1 END
                            * ROUND((item->>'quantity')::numeric * (item->>'unit_price')::numeric, 2)) * 100 AS BIGINT) AS total
            FROM \(ident: InvoiceRecord.schema), jsonb_array_elements(items_json::jsonb) AS item
            WHERE \(scope.filter) GROUP BY 1
            """).all()
        return try rows.map { row in
            let label = SoldItem.label(try row.decode(column: "description", as: String.self),
                                       coded: try row.decode(column: "coded", as: Bool.self))
            return SalesReport.Row(key: try row.decode(column: "key", as: String.self), label: label,
                                   count: Decimal(string: try row.decode(column: "quantity", as: String.self)) ?? 0,
                                   total: try row.decode(column: "total", as: Int64.self))
        }.sorted { ($0.total, $1.label) > ($1.total, $0.label) }
    }

    /// By product: its code when it has one, else its description. Reads the items of the
    /// range's documents, a column at a time (no signed XML or PDF is loaded).
    static func products(_ scope: Scope, _ db: any Database) async throws -> [SalesReport.Row] {
        let records = try await InvoiceRecord.query(on: db).filter(\.$tenantID == scope.tenantID)
            .filter(\.$environment == scope.environment)
            .filter(\.$status ~~ InvoiceStatus.issued).filter(\.$documentType ~~ types)
            .filter(\.$issueDate >= scope.from.iso).filter(\.$issueDate <= scope.to.iso)
            .field(\.$id).field(\.$documentType).field(\.$itemsJSON).all()
        var rows: [String: SalesReport.Row] = [:]
        for record in records {
            let sign: Int64 = record.documentType == "07" ? -1 : 1
            for item in SoldItem.decode(record.itemsJSON) {
                let key = item.productCode ?? item.description
                var row = rows[key] ?? SalesReport.Row(key: key, label: item.label, count: 0, total: 0)
                row.count += item.quantity * Decimal(sign)
                row.total += item.total * sign
                rows[key] = row
            }
        }
        return rows.values.sorted { ($0.total, $1.label) > ($1.total, $0.label) }
    }
}

enum SalesQueryError: Error { case notSQL }
