import Foundation
import Shared

/// Precision rules SUNAT applies to numbers in the XML.
enum DecimalRules {
    /// Amounts: at most 2 decimals.
    static let amountScale = 2
    /// Quantities and unit values: at most 10 decimals.
    static let unitScale = 10
    /// "12 enteros": amounts must stay below 10^12.
    static let amountLimit = DecimalText.power(12)

    /// Number of decimal places `value` really needs (trailing zeros ignored).
    static func scale(of value: Decimal) -> Int { DecimalText.scale(of: value) }

    static func hasAtMost(_ places: Int, decimals value: Decimal) -> Bool {
        Rounding.halfUp(value, scale: places) == value
    }

    /// Round half-up to céntimos.
    static func cents(_ value: Decimal) -> Decimal {
        Rounding.halfUp(value, scale: amountScale)
    }

    /// Round half-up to the 10 decimals SUNAT allows for unit values.
    static func unit(_ value: Decimal) -> Decimal {
        Rounding.halfUp(value, scale: unitScale)
    }
}
