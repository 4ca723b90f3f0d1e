import Foundation

/// A spreadsheet to hand out as an .xlsx file: one sheet per breakdown of a report.
///
/// A plain value: build it, then call `data()`. Every call writes its own libxlsxwriter
/// workbook in its own temporary directory, so calls may run concurrently.
public struct XLSXWorkbook: Sendable, Equatable {
    /// The sheets, in tab order. A workbook without sheets is written with one empty sheet,
    /// because a spreadsheet program cannot open a file that has none.
    public var sheets: [XLSXSheet]

    public init(sheets: [XLSXSheet]) {
        self.sheets = sheets
    }

    /// The .xlsx file's bytes.
    public func data() throws(XLSXError) -> Data {
        try WorkbookWriter.data(of: self)
    }
}

/// One sheet: a bold header row that stays in view while scrolling, with a filter button on
/// every column, then the data rows.
public struct XLSXSheet: Sendable, Equatable {
    /// The tab's name. Made acceptable to Excel when written: at most 31 characters, none of
    /// `[ ] : * ? / \`, no apostrophe at either end, and unique in the workbook, ignoring case,
    /// by appending " (2)", " (3)"… An empty name becomes "Hoja n", n being its position.
    public var name: String
    /// The header row. With no columns there is no header row, nothing frozen and no filter.
    public var columns: [XLSXColumn]
    /// The data rows, below the header. A row may be shorter than `columns`.
    public var rows: [[XLSXCell]]

    public init(name: String, columns: [XLSXColumn], rows: [[XLSXCell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// A column's header text and width.
public struct XLSXColumn: Sendable, Equatable {
    public var title: String
    /// Width in Excel's character units (the width of one "0" in the default font); Excel's own
    /// default is 8.43 and its maximum 255.
    public var width: Double

    public init(title: String, width: Double) {
        self.title = title
        self.width = width
    }
}
