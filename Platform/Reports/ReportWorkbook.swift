import Core
import Foundation
import Shared
import Vapor
import XLSXWriter

/// The report as an Excel workbook: a summary sheet, then one sheet per breakdown, with real
/// numbers in soles, real dates, a frozen header and set widths.
enum ReportWorkbook {
    static func workbook(_ report: ReportRequest, _ language: Language) -> XLSXWorkbook {
        let current = report.comparison.current
        let t = { (key: String) in Strings.text(key, language) }
        let breakdowns = ReportBreakdown.all(current, language).map { breakdown in
            XLSXSheet(name: breakdown.title,
                      columns: [XLSXColumn(title: breakdown.subject, width: 40), XLSXColumn(title: breakdown.countTitle, width: 14),
                                XLSXColumn(title: t("reports.amount"), width: 16)],
                      rows: breakdown.rows.map { [.text($0.label), .decimal($0.count), .money(Money(cents: $0.total))] })
        }
        return XLSXWorkbook(sheets: [
            summary(report, language),
            XLSXSheet(name: t("reports.sheet.days"), columns: [XLSXColumn(title: t("reports.sheet.day"), width: 14),
                                                               XLSXColumn(title: t("reports.amount"), width: 16)],
                      rows: current.days.map { [.date($0.day), .money(Money(cents: $0.total))] }),
        ] + breakdowns + report.sections.map { sheet($0.section, $0.rows, language) })
    }

    /// A module's table as a sheet, its numbers as numbers.
    static func sheet(_ section: ReportSection, _ rows: [[ReportSection.Value]], _ language: Language) -> XLSXSheet {
        XLSXSheet(
            name: section.title.text(for: language),
            columns: section.columns.map { XLSXColumn(title: $0.title.text(for: language), width: $0.numeric ? 14 : 36) },
            rows: rows.map { row in
                row.map { value -> XLSXCell in
                    switch value {
                    case .text(let text): .text(text)
                    case .money(let money): .money(money)
                    case .count(let count): .integer(count)
                    case .quantity(let quantity): .decimal(quantity)
                    }
                }
            })
    }

    /// The totals of the period and of the one before, side by side.
    static func summary(_ report: ReportRequest, _ language: Language) -> XLSXSheet {
        let (now, before) = (report.comparison.current.totals, report.comparison.previous.totals)
        let t = { (key: String) in Strings.text(key, language) }
        let line = { (label: String, a: Int64, b: Int64) -> [XLSXCell] in [.text(label), .money(Money(cents: a)), .money(Money(cents: b))] }
        return XLSXSheet(
            name: t("reports.sheet.summary"),
            columns: [XLSXColumn(title: report.range.title, width: 30), XLSXColumn(title: t("reports.sheet.period"), width: 18),
                      XLSXColumn(title: "\(t("reports.previous")) (\(report.previousRange.title))", width: 30)],
            rows: [
                line(t("reports.subtotal"), now.subtotal, before.subtotal),
                line("IGV", now.igv, before.igv),
                line(t("reports.total"), now.total, before.total),
                [.text(t("reports.documents")), .integer(now.documents), .integer(before.documents)],
                [.text(t("reports.sheet.credit_notes")), .integer(now.creditNotes), .integer(before.creditNotes)],
            ])
    }
}
