import Core
import Foundation
import Shared
import Vapor

/// The report's figures as the page shows them: formatted money, charts as SVG, tables.
enum ReportView {
    static func content(_ report: ReportRequest, _ req: Request, error: String?) -> ReportPages.Content {
        let english = req.language == .en
        let current = report.comparison.current
        let base = (try? req.tenantContext.tenant.slug).map { "/t/\($0)/reports" } ?? ""
        let presets = ReportPeriod.presets.map { preset in
            ReportPages.PeriodLink(label: english ? preset.displayNameEn : preset.displayName,
                                   href: "\(base)?period=\(preset.queryValue ?? "")", current: preset == report.period)
        }
        let totals = current.totals
        let cards = [
            ReportPages.Card(label: req.t("reports.total"), value: money(totals.total), id: "total"),
            ReportPages.Card(label: req.t("reports.subtotal"), value: money(totals.subtotal), id: "subtotal"),
            ReportPages.Card(label: "IGV", value: money(totals.igv), id: "igv"),
            ReportPages.Card(label: req.t("reports.documents"), value: "\(totals.documents)", id: "documents"),
            ReportPages.Card(label: req.t("reports.previous"), value: money(report.comparison.previous.totals.total), id: "previous"),
        ]
        return ReportPages.Content(
            title: "\(req.t("reports.title")) · \(report.range.title)", presets: presets,
            from: report.range.from.iso, to: report.range.to.iso, error: error, cards: cards,
            change: report.comparison.change.map { "\($0 > 0 ? "+" : "")\($0)%" },
            bars: bars(report, english: english), comparison: comparison(report, req), share: share(current, req),
            tables: tables(current, req), sections: sections(report, req),
            xlsxHref: "\(base)/ventas.xlsx?from=\(report.range.from.iso)&to=\(report.range.to.iso)",
            pdfHref: "\(base)/ventas.pdf?from=\(report.range.from.iso)&to=\(report.range.to.iso)")
    }

    static func money(_ cents: Int64) -> String { Money(cents: cents).formatted }

    /// The period's net sales by day, week or month, whichever fits its length.
    static func bars(_ report: ReportRequest, english: Bool) -> String {
        let bars = bucketed(report.comparison.current, report.range, report.range.naturalGrain).map { bucket in
            SVGBarChart.Bar(label: english ? bucket.labelEn : bucket.label, value: Int(bucket.total / 100), color: "#b3261e")
        }
        return SVGBarChart.render(bars, title: english ? "Sales (S/)" : "Ventas (S/)", width: 640, height: 240)
    }

    /// Totals per bucket of `range`, at `grain`.
    static func bucketed(_ report: SalesReport, _ range: LimaDateRange, _ grain: ReportGrain) -> [(label: String, labelEn: String, total: Int64)] {
        range.buckets(grain).map { bucket in
            (bucket.label, bucket.labelEn, report.days.filter { bucket.range.contains($0.day) }.reduce(Int64(0)) { $0 + $1.total })
        }
    }

    /// This period against the one before, bucket by bucket (the previous period's own dates
    /// in its tooltips).
    static func comparison(_ report: ReportRequest, _ req: Request) -> String {
        let english = req.language == .en
        let grain = report.range.naturalGrain
        let now = bucketed(report.comparison.current, report.range, grain)
        let before = bucketed(report.comparison.previous, report.previousRange, grain)
        let name = { (bucket: (label: String, labelEn: String, total: Int64)) in english ? bucket.labelEn : bucket.label }
        return SVGLineChart.render(
            labels: now.map(name),
            series: [
                .init(name: english ? "This period" : "Este periodo", values: now.map { Int($0.total) }, color: "#b3261e"),
                .init(name: english ? "Period before" : "Periodo anterior", values: before.map { Int($0.total) },
                      pointLabels: before.map(name), color: "#8a8a8a", dashed: true),
            ],
            title: english ? "Against the period before" : "Frente al periodo anterior", width: 640, height: 260,
            noDataText: req.t("reports.none"), format: { Money(cents: Int64($0)).formatted })
    }

    /// Each payment method's share of the sales.
    static func share(_ report: SalesReport, _ req: Request) -> String {
        let parts = report.paymentMethods.filter { $0.total > 0 }.map { row in
            SVGShareChart.Part(label: row.key.isEmpty ? req.t("reports.unknown") : methodName(row.key, req.language), value: Int(row.total))
        }
        return SVGShareChart.render(parts, title: req.t("reports.by_method"), noDataText: req.t("reports.none"),
                                    format: { Money(cents: Int64($0)).formatted })
    }

    static func tables(_ report: SalesReport, _ req: Request) -> [ReportPages.Table] {
        let total = report.totals.total
        return ReportBreakdown.all(report, req.language).map { breakdown in
            let shown = breakdown.rows.prefix(50).map { row in
                ReportPages.TableRow(label: row.label, count: DecimalText.trimmed(row.count, maxScale: 3), total: money(row.total),
                                     share: total == 0 ? "–" : "\(row.total * 100 / total)%")
            }
            return ReportPages.Table(id: breakdown.id, title: breakdown.title, countTitle: breakdown.countTitle, rows: Array(shown),
                                     empty: breakdown.rows.isEmpty)
        }
    }

    static func sections(_ report: ReportRequest, _ req: Request) -> [ReportPages.Section] {
        report.sections.map { section, rows in
            ReportPages.Section(
                id: section.id, title: section.title.text(for: req.language),
                columns: section.columns.map { $0.title.text(for: req.language) },
                rows: rows.map { $0.map(text) }, empty: rows.isEmpty)
        }
    }

    static func text(_ value: ReportSection.Value) -> String {
        switch value {
        case .text(let text): text
        case .money(let money): money.formatted
        case .count(let count): "\(count)"
        case .quantity(let quantity): DecimalText.trimmed(quantity, maxScale: 3)
        }
    }

    static func methodName(_ key: String, _ language: Language) -> String {
        key.isEmpty ? "" : Strings.text("reports.method.\(key)", language)
    }
}
