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
        let documents = t("reports.documents")
        var tables = ReportBreakdown.all(current, language).map { breakdown in
            ReportPDF.Table(
                title: breakdown.title, columns: [breakdown.subject, breakdown.countTitle, t("reports.amount")],
                rows: breakdown.rows.map { [$0.label, DecimalText.trimmed($0.count, maxScale: 3), money($0.total)] },
                numericColumns: [1, 2],
                totalRow: breakdown.rows.isEmpty ? nil : [t("reports.total"), "", money(breakdown.rows.reduce(Int64(0)) { $0 + $1.total })])
        }
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
