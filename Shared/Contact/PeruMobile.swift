import Foundation

/// A validated Peruvian mobile number: +51 followed by 9 digits starting with 9.
///
/// Accepts what people type: spaces, dashes, dots and parentheses, with or
/// without the country code as "+51", "0051" or "51". A bare "51" counts as the
/// country code only when exactly 9 digits follow it; in anything shorter it is
/// more likely the start of a mistyped number.
public struct PeruMobile: Sendable, Hashable {
    public static let countryCode = "51"

    /// The 9 national digits, e.g. "987654321".
    public let national: String

    public init(_ raw: String) throws(ContactValidationError) {
        let (digits, hasPlus) = try Self.digits(raw)
        let national = try Self.nationalNumber(digits, hasPlus: hasPlus)
        guard national.count == 9, national.first == "9" else {
            // 7 or 8 digits (456 7890, +51 1 456 7890) or 9 with the trunk 0 are landlines.
            let looksLikeLandline = national.first != "9" && (7...9).contains(national.count)
            throw looksLikeLandline ? .phoneNotMobile : .phoneWrongLength
        }
        self.national = national
    }

    /// "+51987654321".
    public var e164: String { "+\(Self.countryCode)\(national)" }
    /// "51987654321", the form WhatsApp's Cloud API takes.
    public var digits: String { Self.countryCode + national }
    /// "+51 987 654 321".
    public var display: String {
        let groups = stride(from: 0, to: 9, by: 3).map { offset in
            national.dropFirst(offset).prefix(3)
        }
        return "+\(Self.countryCode) " + groups.joined(separator: " ")
    }

    /// The ASCII digits of `raw` and whether it started with "+".
    private static func digits(_ raw: String) throws(ContactValidationError) -> (String, Bool) {
        var digits = ""
        var hasPlus = false
        for character in raw {
            if character.isASCIIDigit {
                digits.append(character)
            } else if character == "+", digits.isEmpty, !hasPlus {
                hasPlus = true
            } else if !(character.isWhitespace || "-.()".contains(character)) {
                throw .phoneInvalidCharacters
            }
        }
        guard !digits.isEmpty else { throw .emptyPhone }
        return (digits, hasPlus)
    }

    private static func nationalNumber(_ digits: String, hasPlus: Bool) throws(ContactValidationError) -> String {
        if hasPlus || digits.hasPrefix("00") {
            let international = hasPlus ? Substring(digits) : digits.dropFirst(2)
            guard international.hasPrefix(countryCode) else { throw .phoneForeignCountryCode }
            return String(international.dropFirst(countryCode.count))
        }
        if digits.count == 11, digits.hasPrefix(countryCode) { return String(digits.dropFirst(countryCode.count)) }
        return digits
    }
}
