import Core

/// The report's four breakdowns, named once for the page, the Excel and the PDF: each with its
/// title, what a row is, what its count counts, and rows already labelled ("Sin dato" for
/// documents that do not say).
struct ReportBreakdown {
    let id: String
    let title: String
    let subject: String
    let countTitle: String
    let rows: [SalesReport.Row]

    static func all(_ report: SalesReport, _ language: Language) -> [ReportBreakdown] {
        let t = { (key: String) in Strings.text(key, language) }
        let unknown = t("reports.unknown")
        func labelled(_ rows: [SalesReport.Row], _ label: (SalesReport.Row) -> String = { $0.label }) -> [SalesReport.Row] {
            rows.map { row in
                let text = label(row)
                return SalesReport.Row(key: row.key, label: text.isEmpty ? unknown : text, count: row.count, total: row.total)
            }
        }
        let documents = t("reports.documents")
        return [
            ReportBreakdown(id: "customers", title: t("reports.by_customer"), subject: t("reports.sheet.customer"), countTitle: documents,
                            rows: labelled(report.customers)),
            ReportBreakdown(id: "products", title: t("reports.by_product"), subject: t("reports.sheet.product"),
                            countTitle: t("reports.quantity"), rows: labelled(report.products)),
            ReportBreakdown(id: "methods", title: t("reports.by_method"), subject: t("reports.sheet.method"), countTitle: documents,
                            rows: labelled(report.paymentMethods) { ReportView.methodName($0.key, language) }),
            ReportBreakdown(id: "staff", title: t("reports.by_staff"), subject: t("reports.sheet.seller"), countTitle: documents,
                            rows: labelled(report.staff)),
        ]
    }
}
