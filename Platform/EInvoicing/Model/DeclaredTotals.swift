import Foundation
import Shared

/// Amounts a caller already shows elsewhere (a POS ticket, a quote) and wants
/// checked against the engine's own arithmetic. They are never used to build
/// the XML: any difference, even one céntimo, is an error naming the amount.
public struct DeclaredTotals: Sendable, Equatable {
    public var currency: Currency?
    /// Σ gravado bases (TaxSubtotal 1000 TaxableAmount).
    public var taxedAmount: Decimal?
    public var exoneratedAmount: Decimal?
    public var unaffectedAmount: Decimal?
    public var exportAmount: Decimal?
    public var freeAmount: Decimal?
    /// IGV charged (TaxSubtotal 1000 TaxAmount).
    public var igv: Decimal?
    /// TaxTotal/TaxAmount.
    public var taxAmount: Decimal?
    public var lineExtensionAmount: Decimal?
    public var taxInclusiveAmount: Decimal?
    public var allowanceTotalAmount: Decimal?
    public var chargeTotalAmount: Decimal?
    public var payableAmount: Decimal?

    public init(
        currency: Currency? = nil, taxedAmount: Decimal? = nil, exoneratedAmount: Decimal? = nil,
        unaffectedAmount: Decimal? = nil, exportAmount: Decimal? = nil, freeAmount: Decimal? = nil,
        igv: Decimal? = nil, taxAmount: Decimal? = nil, lineExtensionAmount: Decimal? = nil,
        taxInclusiveAmount: Decimal? = nil, allowanceTotalAmount: Decimal? = nil,
        chargeTotalAmount: Decimal? = nil, payableAmount: Decimal? = nil
    ) {
        self.currency = currency
        self.taxedAmount = taxedAmount
        self.exoneratedAmount = exoneratedAmount
        self.unaffectedAmount = unaffectedAmount
        self.exportAmount = exportAmount
        self.freeAmount = freeAmount
        self.igv = igv
        self.taxAmount = taxAmount
        self.lineExtensionAmount = lineExtensionAmount
        self.taxInclusiveAmount = taxInclusiveAmount
        self.allowanceTotalAmount = allowanceTotalAmount
        self.chargeTotalAmount = chargeTotalAmount
        self.payableAmount = payableAmount
    }
}
