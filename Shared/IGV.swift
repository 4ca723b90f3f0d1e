import Foundation

/// Peru's general sales tax (Impuesto General a las Ventas), 18% including
/// the 2% municipal promotion tax.
public enum IGV {
    /// The IGV rate, 0.18.
    ///
    /// Built from integers because a float literal would go through `Double`
    /// and, on some Foundation versions, yield 0.18000000000000002.
    public static let rate = Decimal(sign: .plus, exponent: -2, significand: 18)

    /// Splits a taxable base into base, IGV and total.
    ///
    /// IGV is `base × 18%` rounded half-up to céntimos, and total is their sum.
    public static func fromBase(_ base: Money) -> (base: Money, igv: Money, total: Money) {
        let igv = tax(on: base, rate: rate)
        return (base: base, igv: igv, total: base + igv)
    }

    /// Splits a tax-inclusive total (a shelf price) into base, IGV and total.
    ///
    /// The base is `total / 1.18` rounded half-up and the IGV is the remainder,
    /// so the three parts always add up to the price the customer paid even
    /// though `base × 18%` may differ from that IGV by a céntimo.
    public static func fromTotal(_ total: Money) -> (base: Money, igv: Money, total: Money) {
        let base = Money.rounded(total.decimal / (1 + rate), currency: total.currency)
        return (base: base, igv: total - base, total: total)
    }

    /// Tax at `rate` (e.g. 0.18, or 0.10 for the reduced restaurant regime)
    /// on `amount`, rounded half-up to céntimos.
    public static func tax(on amount: Money, rate: Decimal) -> Money {
        Money.rounded(amount.decimal * rate, currency: amount.currency)
    }
}
