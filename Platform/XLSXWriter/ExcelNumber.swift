import Foundation

/// Exact amounts as the IEEE doubles an .xlsx file stores.
///
/// The double is parsed from the decimal's text, which `Double(String)` rounds correctly to
/// the nearest double: S/ 0.10 becomes the double Excel itself would store for 0.1, and
/// libxlsxwriter prints it back as "0.1". Building it by Double arithmetic instead could be
/// one unit off, which shows once Excel sums a column.
enum ExcelNumber {
    /// `nil` for NaN, which has no place in a spreadsheet.
    static func double(_ value: Decimal) -> Double? {
        guard !value.isNaN else { return nil }
        return Double(value.description)
    }
}
