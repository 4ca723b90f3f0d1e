import Foundation

/// An exact quantity of units or kilograms, in thousandths.
///
/// Grams are the finest step a shop scale prints, so `Int64` thousandths
/// hold every quantity a minimarket sells without `Double` drift:
/// `Quantity(milli: 250)` is 0.250 kg, `Quantity(milli: 2000)` two units.
public struct Quantity: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let milli: Int64

    public init(milli: Int64) {
        self.milli = milli
    }

    /// A whole number of units or kilograms.
    public init(units: Int64) {
        self.init(milli: units * 1000)
    }

    /// `nil` when `decimal` has more than three decimals or is out of range.
    public init?(decimal: Decimal) {
        let scaled = decimal * 1000
        guard !decimal.isNaN, Rounding.halfUp(scaled, scale: 0) == scaled,
              let milli = scaled.isZero ? 0 : Int64(scaled.description) else { return nil }
        self.init(milli: milli)
    }

    public static let zero = Quantity(milli: 0)
    public static let one = Quantity(units: 1)

    public var isZero: Bool { milli == 0 }
    public var isWhole: Bool { milli % 1000 == 0 }

    public var decimal: Decimal {
        Decimal(sign: milli < 0 ? .minus : .plus, exponent: -3, significand: Decimal(milli.magnitude))
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milli < rhs.milli }
}

// MARK: - Text

extension Quantity {
    /// "2" when whole, otherwise three decimals ("0.250", "1.500"): the form
    /// exports write and `parse` reads back.
    public var text: String {
        isWhole ? String(milli / 1000) : DecimalText.fixed(decimal, scale: 3)
    }

    /// As a receipt shows it: kilograms always with grams ("1.000"),
    /// units like `text`.
    public func formatted(_ unit: UnitOfMeasure) -> String {
        unit == .kilogram ? DecimalText.fixed(decimal, scale: 3) : text
    }

    public var description: String { text }

    /// Reads "2", "0.250", "0,250" or "1.5": one dot or comma as the decimal
    /// separator (a cashier's or Excel's), at most three decimals, no sign.
    public static func parse(_ text: String, allowZero: Bool = true) throws(QuantityError) -> Quantity {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !body.isEmpty else { throw .empty }
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let milli = try unsignedMilli(body)
        if negative { throw .negative }
        if milli == 0, !allowZero { throw .zero }
        return Quantity(milli: milli)
    }

    private static func unsignedMilli(_ text: Substring) throws(QuantityError) -> Int64 {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw .notANumber
        }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 3 else { throw .tooManyDecimals }
        let padded = fraction + String(repeating: "0", count: 3 - fraction.count)
        guard parts[0].count <= 15, let milli = Int64(parts[0] + padded) else { throw .tooLarge }
        return milli
    }
}

// MARK: - Arithmetic

extension Quantity {
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milli: lhs.milli + rhs.milli) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milli: lhs.milli - rhs.milli) }
    public static prefix func - (quantity: Quantity) -> Quantity { Quantity(milli: -quantity.milli) }
    public static func += (lhs: inout Quantity, rhs: Quantity) { lhs = lhs + rhs }
    public static func -= (lhs: inout Quantity, rhs: Quantity) { lhs = lhs - rhs }

    /// The quantity repeated `times` times, e.g. three packs of 0.500 kg.
    public static func * (lhs: Quantity, times: Int) -> Quantity { Quantity(milli: lhs.milli * Int64(times)) }
}
