import Core
import Fluent
import Foundation
import Invoicing
import Shared
import SQLKit
import Vapor

/// `multinicho bench-report --documents N` (PostgreSQL): a busy bodega's month, N documents
/// (boletas, some facturas, 3 % credit notes, three items each from 200 products, 2,000
/// customers, four payment methods, three cashiers), then the month's report, its Excel and
/// its PDF (drawn without the period before: the same report twice), each in seconds and as a ratio to one `SUM(total_cents)` over the same documents,
/// the least any report must read, measured in the same run.
struct ReportBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "documents", help: "How many documents in the month (default 100000).")
        var documents: Int?
        init() {}
    }

    var help: String { "Benchmarks the monthly sales report on PostgreSQL." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let sql = app.db as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            throw Abort(.badRequest, reason: "bench-report needs DATABASE_URL to name a PostgreSQL database")
        }
        let count = signature.documents ?? 100_000
        let month = LimaDateRange.month(containing: LimaDate(Date()).adding(months: -1))
        let started = Date()
        let tenantID = try await seed(count, month: month, sql: sql, db: app.db)
        context.console.print("seeded \(count) documents over \(month.title) in \(format(Date().timeIntervalSince(started))) s")

        let baseline = try await timed {
            try await sql.raw("""
                SELECT SUM(total_cents) FROM \(ident: InvoiceRecord.schema) WHERE tenant_id = \(bind: tenantID)
                AND issue_date >= \(bind: month.from.iso) AND issue_date <= \(bind: month.to.iso)
                """).run()
        }
        var report: SalesReport?
        let query = try await timed {
            report = try await SalesQuery.report(tenantID: tenantID, environment: .sandbox, from: month.from, to: month.to, on: app.db)
        }
        guard let report else { return }
        let request = ReportRequest(period: .custom(from: month.from, to: month.to), range: month, previousRange: month.immediatelyBefore,
                                    comparison: SalesComparison(current: report, previous: report), sections: [])
        var bytes = 0
        let xlsx = try await timed { bytes = try ReportWorkbook.workbook(request, .es).data().count }
        var pages = 0
        let pdf = try await timed {
            pages = try ReportDocument.pdf(request, business: "Bodega de prueba · RUC 20100070970", logo: nil, language: .es,
                                           generated: Date()).render().count
        }
        context.console.print("report: \(report.totals.documents) documents, \(report.totals.creditNotes) credit notes, "
                              + "total \(Money(cents: report.totals.total).formatted), \(report.products.count) products, "
                              + "\(report.customers.count) customers; Excel \(bytes / 1024) KB, PDF \(pages / 1024) KB")
        context.console.print("baseline: one SUM over the month's documents   \(format(baseline)) s")
        context.console.print("month report (every breakdown)              \(format(query)) s   ratio \(format(query / baseline))")
        context.console.print("Excel of the report                         \(format(xlsx)) s   ratio \(format(xlsx / baseline))")
        context.console.print("PDF of the report                           \(format(pdf)) s   ratio \(format(pdf / baseline))")
    }

    /// The business, its cashiers and its documents, inserted by PostgreSQL itself.
    private func seed(_ count: Int, month: LimaDateRange, sql: any SQLDatabase, db: any Database) async throws -> UUID {
        let tenantID = UUID()
        try await sql.raw("""
            INSERT INTO tenants (id, slug, legal_name, ruc, status, created_at)
            VALUES (\(bind: tenantID), \(bind: "bench-report-\(tenantID.uuidString.prefix(8).lowercased())"), 'Bodega de prueba', '20100070970', 'active', now())
            """).run()
        var cashiers: [UUID] = []
        for n in 1...3 {
            let user = User(email: "cajero\(n)-\(tenantID.uuidString.prefix(8).lowercased())@bench.pe", name: "Cajero \(n)", passwordHash: "-")
            try await user.create(on: db)
            cashiers.append(try user.requireID())
        }
        try await sql.raw("""
            INSERT INTO \(ident: InvoiceRecord.schema) (id, tenant_id, environment, document_type, series, number, status, issue_date,
                currency, customer_document_type, customer_document_number, customer_name, items_json, taxable_cents, exempt_cents,
                unaffected_cents, igv_cents, total_cents, public_token, search_text, source, payment_method, issued_by, created_at, updated_at)
            SELECT gen_random_uuid(), \(bind: tenantID), 'sandbox',
                   CASE WHEN g % 33 = 0 THEN '07' WHEN g % 10 = 0 THEN '01' ELSE '03' END,
                   CASE WHEN g % 33 = 0 THEN 'BC01' WHEN g % 10 = 0 THEN 'F001' ELSE 'B001' END, g, 'accepted',
                   to_char(\(bind: month.from.iso)::date + (g % \(bind: month.dayCount))::int, 'YYYY-MM-DD'), 'PEN',
                   CASE WHEN g % 10 = 0 THEN '6' ELSE '1' END, lpad((g % 2000)::text, 8, '0'), 'Cliente ' || (g % 2000),
                   '[' || string_agg_items.items || ']', 1000 + g % 5000, 0, 0, (1000 + g % 5000) * 18 / 100,
                   (1000 + g % 5000) + (1000 + g % 5000) * 18 / 100, md5(g::text || \(bind: tenantID.uuidString)), '', 'pos',
                   (ARRAY['cash', 'yape', 'plin', 'card'])[1 + g % 4],
                   (ARRAY[\(bind: cashiers[0]), \(bind: cashiers[1]), \(bind: cashiers[2])]::uuid[])[1 + g % 3], now(), now()
            FROM generate_series(1, \(bind: count)) g,
                 LATERAL (SELECT string_agg(format('{"description":"Producto %s","quantity":"%s","unit_price":"%s.50","unit_code":"NIU","tax":"gravado","product_code":"P%s"}',
                                                   p, 1 + (g + p) % 3, 1 + p % 20, p), ',') AS items
                          FROM (SELECT (g * 7 + k * 13) % 200 AS p FROM generate_series(1, 3) k) products) string_agg_items
            """).run()
        try await sql.raw("ANALYZE \(ident: InvoiceRecord.schema)").run()
        return tenantID
    }

    private func timed(_ work: () async throws -> Void) async throws -> Double { try await BenchTiming.seconds(work) }
    private func format(_ value: Double) -> String { BenchTiming.format(value, decimals: 3) }
}
