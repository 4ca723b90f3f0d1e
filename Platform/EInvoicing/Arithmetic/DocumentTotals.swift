import Foundation
import Shared

/// One `cac:TaxSubtotal` of the document-level `cac:TaxTotal`.
public struct TaxSubtotal: Sendable, Equatable {
    public let scheme: TaxScheme
    public let taxableAmount: Decimal
    public let taxAmount: Decimal
}

/// A global discount or charge with the base and factor written beside it.
public struct ComputedAdjustment: Sendable, Equatable {
    public let adjustment: GlobalAdjustment
    /// Gravado base for codes 02/49, tax-inclusive total for 03/50.
    public let baseAmount: Decimal
    /// amount / base to 5 decimals; `nil` when the base is zero or the ratio
    /// would not fit SUNAT's 3-integer-digit format.
    public let factor: Decimal?
    /// IGV the adjustment removes (02) or adds (49); 0 for 03/50.
    public let igv: Decimal
}

/// Every document-level amount, in the document currency, each with 2 decimals.
public struct DocumentTotals: Sendable, Equatable {
    public let currency: Currency
    /// One per scheme used by the lines, in the order 1000, 9997, 9998, 9996, 9995.
    public let subtotals: [TaxSubtotal]
    /// Gravado base after base-affecting global discounts and charges.
    public let taxedAmount: Decimal
    public let exoneratedAmount: Decimal
    public let unaffectedAmount: Decimal
    public let exportAmount: Decimal
    /// Σ reference values of free lines.
    public let freeAmount: Decimal
    /// IGV charged (scheme 1000).
    public let igv: Decimal
    /// IGV shown on free gravado lines (11–16), not charged.
    public let freeIGV: Decimal
    /// `TaxTotal/TaxAmount`: only taxes the buyer pays.
    public let taxAmount: Decimal
    public let lineExtensionAmount: Decimal
    public let taxInclusiveAmount: Decimal
    public let allowanceTotalAmount: Decimal
    public let chargeTotalAmount: Decimal
    public let payableAmount: Decimal
    public let adjustments: [ComputedAdjustment]

    public func subtotal(_ scheme: TaxScheme) -> TaxSubtotal? {
        subtotals.first { $0.scheme == scheme }
    }

    /// The payable amount as `Money` (it always has 2 decimals).
    public var payable: Money {
        Money.rounded(payableAmount, currency: currency)
    }
}
