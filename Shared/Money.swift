import Foundation

/// An exact amount of money in a single currency.
///
/// Stored as an integer number of céntimos (hundredths) so that sums of
/// invoice lines never pick up binary floating point error; `Double` is never
/// used. Use `Decimal` (via `decimal` and `rounded(_:currency:)`) for anything
/// that needs fractional intermediate values, such as tax rates.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The amount in céntimos (1/100 of the currency unit). May be negative,
    /// e.g. for credit notes.
    public let cents: Int64
    /// The currency of the amount.
    public let currency: Currency

    /// Creates an amount from céntimos: `Money(cents: 123450)` is S/ 1,234.50.
    public init(cents: Int64, currency: Currency = .pen) {
        self.cents = cents
        self.currency = currency
    }

    /// Zero in the given currency, the identity for sums of invoice lines.
    public static func zero(_ currency: Currency = .pen) -> Money {
        Money(cents: 0, currency: currency)
    }

    /// `true` when the amount is exactly zero.
    public var isZero: Bool { cents == 0 }

    /// `true` when the amount is below zero.
    public var isNegative: Bool { cents < 0 }
}

// MARK: - Decimal interop

extension Money {
    /// Creates an amount from a decimal that has at most two decimal places.
    ///
    /// Returns `nil` for NaN, for values with more precision than céntimos
    /// (silently rounding here would hide bugs; call `rounded(_:currency:)`
    /// when rounding is intended) and for values outside the `Int64` range.
    public init?(decimal: Decimal, currency: Currency = .pen) {
        guard !decimal.isNaN else { return nil }
        let scaled = decimal * 100
        guard Rounding.halfUp(scaled, scale: 0) == scaled,
              let cents = Money.int64(exactly: scaled) else { return nil }
        self.init(cents: cents, currency: currency)
    }

    /// The exact amount in currency units, e.g. 1234.5 for S/ 1,234.50.
    public var decimal: Decimal {
        Decimal(sign: cents < 0 ? .minus : .plus, exponent: -2, significand: Decimal(cents.magnitude))
    }

    /// Rounds `value` half away from zero to céntimos.
    ///
    /// - Precondition: `value` is a number whose rounded amount fits in `Int64` céntimos.
    public static func rounded(_ value: Decimal, currency: Currency = .pen) -> Money {
        precondition(!value.isNaN, "Cannot build Money from NaN")
        let scaled = Rounding.halfUp(value, scale: 2) * 100
        guard let cents = int64(exactly: scaled) else {
            preconditionFailure("Amount \(value) does not fit in Int64 céntimos")
        }
        return Money(cents: cents, currency: currency)
    }

    /// Converts an integral decimal to `Int64`, or `nil` when out of range.
    ///
    /// Goes through the canonical text form because Foundation offers no
    /// exact `Decimal` → `Int64` conversion (the `NSNumber` route clamps or
    /// passes through `Double` on some platforms).
    private static func int64(exactly value: Decimal) -> Int64? {
        if value.isZero { return 0 }
        return Int64(value.description)
    }
}

// MARK: - Arithmetic

extension Money {
    /// Sum of two amounts. - Precondition: same currency.
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Cannot add \(lhs.currency) and \(rhs.currency)")
        return Money(cents: lhs.cents + rhs.cents, currency: lhs.currency)
    }

    /// Difference of two amounts. - Precondition: same currency.
    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Cannot subtract \(rhs.currency) from \(lhs.currency)")
        return Money(cents: lhs.cents - rhs.cents, currency: lhs.currency)
    }

    /// The amount with its sign flipped, e.g. for credit notes.
    public static prefix func - (amount: Money) -> Money {
        Money(cents: -amount.cents, currency: amount.currency)
    }

    /// Adds `rhs` in place. - Precondition: same currency.
    public static func += (lhs: inout Money, rhs: Money) {
        lhs = lhs + rhs
    }

    /// Subtracts `rhs` in place. - Precondition: same currency.
    public static func -= (lhs: inout Money, rhs: Money) {
        lhs = lhs - rhs
    }

    /// Unit price times a quantity of items.
    public static func * (lhs: Money, quantity: Int) -> Money {
        Money(cents: lhs.cents * Int64(quantity), currency: lhs.currency)
    }

    /// Quantity of items times a unit price.
    public static func * (quantity: Int, rhs: Money) -> Money {
        rhs * quantity
    }

    /// Orders amounts of the same currency.
    ///
    /// - Precondition: same currency. Ordering soles against dollars without an
    ///   exchange rate is meaningless, so it traps instead of guessing.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "Cannot compare \(lhs.currency) and \(rhs.currency)")
        return lhs.cents < rhs.cents
    }
}

// MARK: - Formatting

extension Money {
    /// The amount as printed on Peruvian invoices: "S/ 1,234.50", "-S/ 10.00",
    /// "US$ 0.05". Comma groups thousands and dot separates decimals.
    ///
    /// Built by hand rather than with a locale formatter because the output
    /// must not change with the server's ICU data or locale settings.
    public var formatted: String {
        let magnitude = cents.magnitude
        let units = Money.groupThousands(magnitude / 100)
        let fraction = magnitude % 100
        let fractionText = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        let sign = cents < 0 ? "-" : ""
        return "\(sign)\(currency.symbol) \(units).\(fractionText)"
    }

    /// Same as `formatted`, so amounts interpolate readably in logs and views.
    public var description: String { formatted }

    private static func groupThousands(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}

// MARK: - Parsing

extension Money {
    /// Parses user or spreadsheet input such as "1234.5", "1,234.50",
    /// "S/ 1,234.50", "-S/ 10.00" or "0.05".
    ///
    /// Rejects empty text, letters, more than two decimals (no silent rounding
    /// of typed amounts), misplaced thousands separators, a symbol of another
    /// currency and values that overflow.
    public static func parse(_ text: String, currency: Currency = .pen) -> Money? {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = rest.hasPrefix("-")
        if negative { rest = rest.dropFirst() }
        if rest.hasPrefix(currency.symbol) {
            rest = rest.dropFirst(currency.symbol.count).drop(while: { $0 == " " })
            // Accept the sign on either side of the symbol ("S/ -10.00").
            if !negative, rest.hasPrefix("-") {
                negative = true
                rest = rest.dropFirst()
            }
        }
        guard let magnitude = parseUnsignedCents(rest) else { return nil }
        return Money(cents: negative ? -magnitude : magnitude, currency: currency)
    }

    /// Parses "1,234.5" style text into céntimos; `nil` if malformed.
    private static func parseUnsignedCents(_ text: Substring) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let units = parseGroupedInteger(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit),
                  let value = Int64(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(fraction)
        return overflow2 ? nil : total
    }

    /// Parses "1234" or "1,234"; commas, if any, must split groups of three.
    private static func parseGroupedInteger(_ text: Substring) -> Int64? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...).contains(first.count) else { return nil }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int64(digits)
    }
}

extension Money {
    /// "1234.50": the amount as the API and webhooks write it (no symbol, no grouping).
    public var decimalText: String { DecimalText.fixed(decimal, scale: 2) }
}
