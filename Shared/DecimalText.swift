import Foundation

/// Decimal ⇄ text without `Double` and without locale surprises.
public enum DecimalText {
    /// `value` rounded half-up to `scale` places and written with exactly
    /// that many decimals, e.g. fixed(118, 2) = "118.00", as SUNAT samples show amounts.
    public static func fixed(_ value: Decimal, scale: Int) -> String {
        let rounded = Rounding.halfUp(value, scale: scale)
        let negative = rounded < 0
        var magnitude = negative ? -rounded : rounded
        var units = Decimal()
        NSDecimalRound(&units, &magnitude, 0, .down)
        let fraction = (magnitude - units) * power(scale)
        let unitsText = integerText(units)
        guard scale > 0 else { return (negative ? "-" : "") + unitsText }
        let fractionText = integerText(fraction)
        let padded = String(repeating: "0", count: max(0, scale - fractionText.count)) + fractionText
        return (negative ? "-" : "") + unitsText + "." + padded
    }

    /// Number of decimal places `value` really needs (trailing zeros ignored).
    public static func scale(of value: Decimal) -> Int {
        for places in 0...38 where Rounding.halfUp(value, scale: places) == value {
            return places
        }
        return 38
    }

    /// `value` rounded half-up to `maxScale` places with trailing zeros
    /// dropped but at least `minScale` decimals: quantities and unit values
    /// keep their precision (up to 10 decimals) without noise.
    public static func trimmed(_ value: Decimal, maxScale: Int, minScale: Int = 0) -> String {
        let scale = max(minScale, Self.scale(of: Rounding.halfUp(value, scale: maxScale)))
        return fixed(value, scale: min(scale, maxScale))
    }

    /// Parses "123.45" / "-0.5"; digits and one dot only, so "1e3", "1,5" or
    /// "NaN" are refused instead of being read some other way.
    public static func parse(_ text: String) -> Decimal? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return nil
        }
        return Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX"))
    }

    public static func power(_ exponent: Int) -> Decimal {
        Decimal(sign: .plus, exponent: exponent, significand: 1)
    }

    /// Text of an integral, non-negative decimal.
    private static func integerText(_ value: Decimal) -> String {
        value.isZero ? "0" : value.description
    }
}
