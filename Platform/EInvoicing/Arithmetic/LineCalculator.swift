import Foundation
import Shared

/// Turns a validated `Line` into its amounts.
enum LineCalculator {
    /// 1.18, built from integers like `IGV.rate`.
    static let grossFactor = 1 + IGV.rate

    static func compute(_ line: Line, position: Int) throws(EInvoiceError) -> ComputedLine {
        let field = "lines[\(position - 1)]"
        let bearsIGV = line.affectation.bearsIGV
        let unitValue = unitValue(of: line, bearsIGV: bearsIGV)
        let gross = DecimalRules.cents(line.quantity * unitValue)
        let discount = line.discount ?? 0
        guard discount <= gross else { throw .discountExceedsValue(field: "\(field).discount", rule: "3271") }
        let lineValue = gross - discount
        var igv = bearsIGV ? DecimalRules.cents(lineValue * IGV.rate) : 0
        if bearsIGV, line.unitValue == nil, let price = line.unitPrice, discount == 0 {
            // Priced with IGV: the customer pays quantity × price to the céntimo, and the IGV
            // takes the rounding (within SUNAT's ±1 tolerance of value × 18 %), so S/ 10.00
            // never prints as 9.99.
            igv = DecimalRules.cents(line.quantity * price) - lineValue
        }
        return ComputedLine(
            position: position, line: line, unitValue: unitValue,
            priceAmount: line.affectation.isFree ? 0 : unitValue,
            referencePrice: referencePrice(line, unitValue: unitValue, lineValue: lineValue, igv: igv),
            referencePriceType: line.affectation.isFree ? "02" : "01",
            grossValue: gross, discount: discount, lineValue: lineValue, igv: igv,
            percent: bearsIGV ? IGV.rate * 100 : 0
        )
    }

    /// The valor unitario: as given, or price / 1.18 kept to 10 decimals when
    /// the line bears IGV (other affectations have no tax inside the price).
    private static func unitValue(of line: Line, bearsIGV: Bool) -> Decimal {
        if let value = line.unitValue { return value }
        let price = line.unitPrice ?? 0
        return bearsIGV ? DecimalRules.unit(price / grossFactor) : price
    }

    /// Free lines carry the unit reference value (type 02). Onerous lines
    /// carry the unit price with IGV (type 01): the caller's price when given
    /// and undiscounted, else SUNAT's own check (rule 3270), (value + IGV) / qty.
    private static func referencePrice(_ line: Line, unitValue: Decimal, lineValue: Decimal, igv: Decimal) -> Decimal {
        if line.affectation.isFree { return unitValue }
        let discounted = (line.discount ?? 0) > 0
        if let price = line.unitPrice, !discounted { return price }
        if !discounted {
            return line.affectation.bearsIGV ? DecimalRules.unit(unitValue * grossFactor) : unitValue
        }
        return DecimalRules.unit((lineValue + igv) / line.quantity)
    }
}
