import Foundation

/// A sales report as a printable A4 PDF: the business's logo and name, title and period,
/// headline figures, a bar chart, a line chart of this period against the one before, then
/// tables that continue over as many pages as they need, and "Página 1 de 3" on every page.
///
/// Every word comes from the caller, already in the reader's language; amounts on the charts'
/// axes are printed from céntimos as "S/ 1,234.50". The text is real PDF text in embedded
/// DejaVu, so it can be selected, searched and extracted.
public struct ReportPDF: Sendable {
    /// A headline number, e.g. "Total vendido" and "S/ 1,234.50".
    public struct Figure: Sendable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// Amounts in céntimos, one per label of the chart; `name` is shown in the legend.
    public struct Series: Sendable {
        public var name: String
        public var values: [Int64]

        public init(name: String, values: [Int64]) {
            self.name = name
            self.values = values
        }
    }

    /// A breakdown, e.g. sales by customer. Rows are printed in the given order; a row is never
    /// split across pages, and the column titles repeat at the top of every page it reaches.
    /// A cell too long for its column wraps to a second line and is then cut with "…".
    public struct Table: Sendable {
        public var title: String
        public var columns: [String]
        public var rows: [[String]]
        /// Columns drawn right-aligned (amounts, counts), by index.
        public var numericColumns: Set<Int>
        /// A last row in bold under a rule, e.g. the sums; nil for none.
        public var totalRow: [String]?

        public init(title: String, columns: [String], rows: [[String]], numericColumns: Set<Int> = [],
                    totalRow: [String]? = nil) {
            self.title = title
            self.columns = columns
            self.rows = rows
            self.numericColumns = numericColumns
            self.totalRow = totalRow
        }
    }

    /// "Reporte de ventas".
    public var title: String
    /// "Bodega Doña Rosa · RUC 20100070970".
    public var business: String
    /// "01/11/2026 – 21/11/2026".
    public var period: String
    /// Drawn at the top left, at most 150 × 56 pt; nil for none.
    public var logoPNG: Data?
    public var figures: [Figure]
    public var barsTitle: String
    public var barLabels: [String]
    public var bars: Series
    public var lineTitle: String
    /// The x axis of the line chart; a series shorter than these stops early.
    public var lineLabels: [String]
    public var current: Series
    public var previous: Series?
    public var tables: [Table]
    /// "{n}" and "{count}" are replaced by the page's number and the number of pages.
    public var pageLabel: String
    /// "Generado el 21/11/2026 10:15", printed at the foot of every page.
    public var generatedAt: String
    /// Shown instead of a chart without values and under a table without rows.
    public var emptyText: String

    public init(title: String, business: String, period: String, logoPNG: Data? = nil,
                figures: [Figure] = [],
                barsTitle: String, barLabels: [String] = [], bars: Series,
                lineTitle: String, lineLabels: [String] = [], current: Series, previous: Series? = nil,
                tables: [Table] = [], pageLabel: String = "Página {n} de {count}", generatedAt: String,
                emptyText: String = "Sin datos") {
        self.title = title
        self.business = business
        self.period = period
        self.logoPNG = logoPNG
        self.figures = figures
        self.barsTitle = barsTitle
        self.barLabels = barLabels
        self.bars = bars
        self.lineTitle = lineTitle
        self.lineLabels = lineLabels
        self.current = current
        self.previous = previous
        self.tables = tables
        self.pageLabel = pageLabel
        self.generatedAt = generatedAt
        self.emptyText = emptyText
    }

    /// The report as PDF bytes, on A4 pages (595 × 842 pt).
    ///
    /// Throws `.invalidLogo` when `logoPNG` is not a PNG cairo can decode, `.cairo` when cairo
    /// fails. Safe to call from several tasks at once: each call has its own cairo surface.
    public func render() throws(InvoicePDFError) -> Data {
        var logo: PNGImage?
        if let logoPNG {
            logo = try PNGImage(png: logoPNG)
        }
        let size = ReportLayout.pageSize
        return try PDFWriter.write(title: "\(title) \(period)", pageWidth: size.width, pageHeight: size.height) { setter in
            ReportLayout(report: self, logo: logo, setter: setter).pages()
        }
    }
}
