import Foundation

/// A retail barcode (EAN-13 or EAN-8) whose check digit is right.
///
/// A UPC-A code (12 digits, North American products) is the EAN-13 code with a
/// leading 0, so it is stored that way: the same product scans as one code
/// whichever of the two forms the reader or the spreadsheet produced.
public struct Barcode: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Format: String, Sendable, Hashable, Codable {
        case ean13, ean8
    }

    /// The 13 or 8 digits, check digit last.
    public let digits: String

    /// Validates `text` (surrounding whitespace ignored).
    public init(_ text: String) throws(BarcodeError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.allSatisfy(\.isASCIIDigit) else { throw .notDigits }
        guard [8, 12, 13].contains(trimmed.count) else { throw .wrongLength(found: trimmed.count) }
        let values = trimmed.compactMap(\.wholeNumberValue)
        let expected = Barcode.checkDigit(of: values.dropLast())
        guard expected == values.last else { throw .badCheckDigit(expected: expected, found: values.last ?? 0) }
        digits = trimmed.count == 12 ? "0" + trimmed : trimmed
    }

    /// The normalized digits of a valid `text`: what a product stores.
    public static func validate(_ text: String) throws(BarcodeError) -> String {
        try Barcode(text).digits
    }

    public var format: Format { digits.count == 8 ? .ean8 : .ean13 }

    /// `true` for the in-store range 20–29 that shop scales print.
    public var isScaleLabel: Bool { format == .ean13 && digits.hasPrefix("2") }

    public var description: String { digits }

    /// Decoded from its digits and checked again: stored codes stay valid.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    /// The GS1 check digit of `payload` (all digits but the check digit).
    ///
    /// Weights 3 and 1 alternate from the rightmost payload digit, which is
    /// why one function serves EAN-13, EAN-8 and UPC-A.
    public static func checkDigit(of payload: some BidirectionalCollection<Int>) -> Int {
        var sum = 0
        for (index, digit) in payload.reversed().enumerated() {
            sum += digit * (index.isMultiple(of: 2) ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }
}
