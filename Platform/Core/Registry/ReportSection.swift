import Fluent
import Foundation
import Shared

/// A table a module adds to the sales report (a salon's bookings per stylist, a bodega's best
/// sellers): shown under the report's own tables, and as a sheet of the Excel download.
public struct ReportSection: Sendable {
    public struct Column: Sendable {
        public let title: LocalizedText
        /// Amounts and counts are right-aligned and summed in the spreadsheet as numbers.
        public let numeric: Bool

        public init(_ title: LocalizedText, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    /// A cell: text, or a number the spreadsheet keeps as a number.
    public enum Value: Sendable, Equatable {
        case text(String)
        case money(Money)
        case count(Int)
        case quantity(Decimal)
    }

    public let id: String
    public let title: LocalizedText
    public let columns: [Column]
    /// The rows for the business and the days `from...to` (Lima), in the order to show.
    public let rows: @Sendable (TenantScope, _ from: LimaDate, _ to: LimaDate) async throws -> [[Value]]

    public init(id: String, title: LocalizedText, columns: [Column],
                rows: @escaping @Sendable (TenantScope, _ from: LimaDate, _ to: LimaDate) async throws -> [[Value]]) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
