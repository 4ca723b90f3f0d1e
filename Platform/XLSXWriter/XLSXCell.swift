import Foundation
import Shared

/// What one cell holds. Numbers and dates are written as numbers a spreadsheet can sum, sort
/// and filter, never as text that merely looks like one.
public enum XLSXCell: Sendable, Equatable {
    /// Text as typed, UTF-8. Never a formula, even when it starts with "=".
    /// Excel holds at most 32,767 characters in a cell; longer text makes `data()` throw.
    case text(String)
    /// The amount as a number in currency units, shown as `"S/ "#,##0.00` (`"US$ "#,##0.00`
    /// for dollars); a negative amount shows as "-S/ 25.75".
    case money(Money)
    /// A whole number. Excel keeps 15 significant digits, so beyond 2^53 it is rounded.
    case integer(Int)
    /// A number with no particular format. A NaN makes `data()` throw.
    case decimal(Decimal)
    /// A real Excel date, shown as dd/mm/yyyy. Excel has no dates before 1900, so an earlier
    /// date is written as its dd/mm/yyyy text instead.
    case date(LimaDate)
    /// Nothing.
    case empty
}
