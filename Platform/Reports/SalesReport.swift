import Foundation
import Shared

/// A business's sales over a range of days: issued facturas and boletas, less their credit
/// notes, plus debit notes. Amounts are céntimos, IGV included unless named otherwise.
public struct SalesReport: Sendable {
    public struct Totals: Sendable, Equatable {
        /// Taxable + exonerated + unaffected: the value before IGV.
        public var subtotal: Int64 = 0
        public var igv: Int64 = 0
        public var total: Int64 = 0
        /// Facturas, boletas and debit notes; credit notes are counted apart.
        public var documents = 0
        public var creditNotes = 0
    }

    /// One line of a breakdown: a customer, a product, a payment method, a member of staff.
    public struct Row: Sendable, Equatable {
        public let key: String
        public let label: String
        /// Customers' and staff's documents; products' quantity (in the item's unit).
        public var count: Decimal
        public var total: Int64
    }

    public let from: LimaDate
    public let to: LimaDate
    public let totals: Totals
    /// Every day of the range, in order, with the day's net total.
    public let days: [(day: LimaDate, total: Int64)]
    public let customers: [Row]
    public let products: [Row]
    public let paymentMethods: [Row]
    public let staff: [Row]
}

/// The same range's figures for the period before, to compare with.
public struct SalesComparison: Sendable {
    public let current: SalesReport
    public let previous: SalesReport

    /// The change of the total in percent, nil when there was nothing before.
    public var change: Decimal? {
        guard previous.totals.total != 0 else { return nil }
        let delta = Decimal(current.totals.total - previous.totals.total) * 100 / Decimal(previous.totals.total)
        var rounded = Decimal()
        var value = delta
        NSDecimalRound(&rounded, &value, 1, .plain)
        return rounded
    }
}
