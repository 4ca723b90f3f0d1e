/// What the five value digits of a scale label mean; a tenant setting,
/// because each shop programs its scale one way or the other.
public enum ScaleLabelValue: String, Sendable, Hashable, Codable, CaseIterable {
    /// Weight in grams: 01250 is 1.250 kg.
    case weight
    /// Price in céntimos: 00350 is S/ 3.50.
    case price
}

/// A label printed by a shop scale: EAN-13 laid out as
/// `2 · prefix digit · 5-digit PLU · 5-digit value · check digit`.
public struct ScaleBarcode: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case weight(Quantity)
        case price(Money)

        var isZero: Bool {
            switch self {
            case .weight(let weight): weight.isZero
            case .price(let price): price.isZero
            }
        }
    }

    public let barcode: Barcode
    /// 20–29; shops use it to tell their scales or departments apart.
    public let prefix: Int
    /// The product's number in the scale, five digits with leading zeros kept.
    public let plu: String
    public let value: Value

    /// `nil` when `barcode` is not in the in-store range 20–29.
    public init?(_ barcode: Barcode, reading kind: ScaleLabelValue) {
        guard barcode.isScaleLabel else { return nil }
        let digits = Array(barcode.digits)
        self.barcode = barcode
        prefix = Int(String(digits[0...1])) ?? 0
        plu = String(digits[2...6])
        let amount = Int64(String(digits[7...11])) ?? 0
        value = switch kind {
        case .weight: .weight(Quantity(milli: amount))
        case .price: .price(Money(cents: amount))
        }
    }

    /// Validates `text` as EAN-13, then reads it as a scale label.
    public static func parse(_ text: String, reading kind: ScaleLabelValue) throws(BarcodeError) -> ScaleBarcode {
        guard let label = ScaleBarcode(try Barcode(text), reading: kind) else { throw .notScaleBarcode }
        guard !label.value.isZero else { throw .zeroScaleValue }
        return label
    }
}
