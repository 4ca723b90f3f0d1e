import Core
import EInvoicingPDF
import Fluent
import Foundation
import Invoicing
import Shared
import Vapor

/// The report as a printable A4 PDF: the business's logo, the figures, both charts, every table.
enum ReportDocument {
    static func pdf(_ report: ReportRequest, business: String, logo: Data?, language: Language, generated: Date) -> ReportPDF {
        let t = { (key: String) in Strings.text(key, language) }
        let english = language == .en
        let current = report.comparison.current
        let grain = report.range.naturalGrain
        let now = ReportView.bucketed(current, report.range, grain)
        let before = ReportView.bucketed(report.comparison.previous, report.previousRange, grain)
        let labels = now.map { english ? $0.labelEn : $0.label }
        let money = { (cents: Int64) in Money(cents: cents).formatted }
        func table(_ title: String, _ first: String, _ count: String, _ rows: [SalesReport.Row],
                   label: (SalesReport.Row) -> String = { $0.label }) -> ReportPDF.Table {
            ReportPDF.Table(
                title: title, columns: [first, count, t("reports.amount")],
                rows: rows.map { [label($0).isEmpty ? t("reports.unknown") : label($0), DecimalText.trimmed($0.count, maxScale: 3), money($0.total)] },
                numericColumns: [1, 2],
                totalRow: rows.isEmpty ? nil : [t("reports.total"), "", money(rows.reduce(Int64(0)) { $0 + $1.total })])
        }
        let documents = t("reports.documents")
        var tables = [
            table(t("reports.by_customer"), t("reports.sheet.customer"), documents, current.customers),
            table(t("reports.by_product"), t("reports.sheet.product"), t("reports.quantity"), current.products),
            table(t("reports.by_method"), t("reports.sheet.method"), documents, current.paymentMethods) { ReportView.methodName($0.key, language) },
            table(t("reports.by_staff"), t("reports.sheet.seller"), documents, current.staff),
        ]
        tables += report.sections.map { section, rows in
            ReportPDF.Table(title: section.title.text(for: language), columns: section.columns.map { $0.title.text(for: language) },
                            rows: rows.map { $0.map(ReportView.text) },
                            numericColumns: Set(section.columns.indices.filter { section.columns[$0].numeric }))
        }
        let totals = current.totals
        return ReportPDF(
            title: t("reports.title"), business: business, period: report.range.title, logoPNG: logo,
            figures: [
                .init(label: t("reports.total"), value: money(totals.total)),
                .init(label: t("reports.subtotal"), value: money(totals.subtotal)),
                .init(label: "IGV", value: money(totals.igv)),
                .init(label: documents, value: "\(totals.documents)"),
                .init(label: t("reports.previous"), value: money(report.comparison.previous.totals.total)),
            ],
            barsTitle: english ? "Sales" : "Ventas", barLabels: labels,
            bars: .init(name: english ? "This period" : "Este periodo", values: now.map(\.total)),
            lineTitle: english ? "Against the period before" : "Frente al periodo anterior", lineLabels: labels,
            current: .init(name: english ? "This period" : "Este periodo", values: now.map(\.total)),
            previous: .init(name: english ? "Period before" : "Periodo anterior", values: before.map(\.total)),
            tables: tables, pageLabel: english ? "Page {n} of {count}" : "Página {n} de {count}",
            generatedAt: "\(english ? "Generated on" : "Generado el") \(LimaCalendar.formatDateTime(generated))",
            emptyText: t("reports.none"))
    }
}
