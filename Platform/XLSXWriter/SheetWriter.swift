import CXLSXWriter
import Foundation
import Shared

/// Writes one sheet: the header row (bold, frozen, filtered), the column widths and the cells.
struct SheetWriter {
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    /// The sanitized name, for error messages.
    let name: String
    let formats: CellFormats

    func write(_ sheet: XLSXSheet) throws(XLSXError) {
        let headerRows = sheet.columns.isEmpty ? 0 : 1
        let widest = max(sheet.columns.count, sheet.rows.map(\.count).max() ?? 0)
        // Checked here because the conversions to lxw_row_t and lxw_col_t would trap first.
        guard headerRows + sheet.rows.count <= Int(LXW_ROW_MAX), widest <= Int(LXW_COL_MAX) else {
            throw .tooLarge(sheet: name)
        }
        try writeHeader(sheet.columns, dataRows: sheet.rows.count)
        for (index, row) in sheet.rows.enumerated() {
            for (column, cell) in row.enumerated() {
                try write(cell, row: headerRows + index, column: column)
            }
        }
    }

    private func writeHeader(_ columns: [XLSXColumn], dataRows: Int) throws(XLSXError) {
        guard !columns.isEmpty else { return }
        for (index, column) in columns.enumerated() {
            let col = lxw_col_t(index)
            try check(worksheet_write_string(worksheet, 0, col, column.title, formats.header), row: 0, column: index)
            try check(worksheet_set_column(worksheet, col, col, column.width, nil), row: 0, column: index)
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        let last = lxw_col_t(columns.count - 1)
        try check(worksheet_autofilter(worksheet, 0, 0, lxw_row_t(dataRows), last), row: 0, column: 0)
    }

    private func write(_ cell: XLSXCell, row: Int, column: Int) throws(XLSXError) {
        let (r, c) = (lxw_row_t(row), lxw_col_t(column))
        let status: lxw_error
        switch cell {
        case .text(let text):
            // write_string never makes a formula, so "=1+1" stays text.
            status = worksheet_write_string(worksheet, r, c, text, nil)
        case .money(let money):
            let value = try number(money.decimal, row: row, column: column)
            status = worksheet_write_number(worksheet, r, c, value, formats.money(money.currency))
        case .integer(let value):
            status = worksheet_write_number(worksheet, r, c, Double(value), nil)
        case .decimal(let value):
            status = worksheet_write_number(worksheet, r, c, try number(value, row: row, column: column), nil)
        case .date(let date):
            status = write(date, row: r, column: c)
        case .empty:
            return
        }
        try check(status, row: row, column: column)
    }

    private func write(_ date: LimaDate, row: lxw_row_t, column: lxw_col_t) -> lxw_error {
        guard date.year >= 1900 else {
            return worksheet_write_string(worksheet, row, column, date.formatted, nil)
        }
        var datetime = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day),
                                    hour: 0, min: 0, sec: 0)
        return worksheet_write_datetime(worksheet, row, column, &datetime, formats.date)
    }

    private func number(_ value: Decimal, row: Int, column: Int) throws(XLSXError) -> Double {
        guard let double = ExcelNumber.double(value) else {
            throw .notANumber(place: place(row: row, column: column))
        }
        return double
    }

    private func check(_ status: lxw_error, row: Int, column: Int) throws(XLSXError) {
        try WorkbookWriter.check(status, place: place(row: row, column: column))
    }

    /// "Ventas!B7", as Excel names a cell (zero-based arguments).
    func place(row: Int, column: Int) -> String {
        var letters = ""
        var number = column + 1
        while number > 0 {
            letters.insert(Character(Unicode.Scalar(UInt8(65 + (number - 1) % 26))), at: letters.startIndex)
            number = (number - 1) / 26
        }
        return "\(name)!\(letters)\(row + 1)"
    }
}
