import Foundation

/// A line with every amount the XML carries, as the engine computed it.
public struct ComputedLine: Sendable, Equatable {
    /// 1-based position, the line's `cbc:ID`.
    public let position: Int
    public let line: Line
    /// Valor unitario without IGV (10 decimals); for free lines, the reference value.
    public let unitValue: Decimal
    /// `cac:Price/cbc:PriceAmount`: the unit value, or 0 on free lines (rule 2640).
    public let priceAmount: Decimal
    /// `PricingReference` amount: price with IGV (type 01) or reference value (02).
    public let referencePrice: Decimal
    /// "01" precio unitario, "02" valor referencial of a free line (catalogue 16).
    public let referencePriceType: String
    /// Quantity × unit value in céntimos, the base the discount applies to.
    public let grossValue: Decimal
    public let discount: Decimal
    /// `cbc:LineExtensionAmount` = gross value − discount (rule 3271).
    public let lineValue: Decimal
    /// IGV of the line: charged on 10, shown but not charged on 11–16, 0 otherwise.
    public let igv: Decimal
    /// 18 for lines bearing IGV, 0 otherwise (`TaxCategory/cbc:Percent`).
    public let percent: Decimal

    public var affectation: TaxAffectation { line.affectation }
    public var scheme: TaxScheme { line.affectation.scheme }
    /// The line's TaxableAmount equals its value exactly (rule 3272).
    public var taxableAmount: Decimal { lineValue }
    /// Tax the buyer pays for this line; free lines pay none.
    public var chargedIGV: Decimal { affectation.isFree ? 0 : igv }
}
