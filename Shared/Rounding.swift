import Foundation

/// Decimal rounding rules used for money and taxes.
public enum Rounding {
    /// Rounds `value` to `scale` decimal places, ties away from zero.
    ///
    /// SUNAT and commercial practice in Peru round half-up on the magnitude
    /// (0.005 → 0.01, -0.005 → -0.01). `NSDecimalRound` with `.plain` does exactly
    /// that; `.bankers` or binary floating point would silently drift from the
    /// amounts the tax authority recomputes.
    public static func halfUp(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}
