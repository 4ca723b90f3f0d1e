import Foundation

/// Input clean-up shared by the Peruvian document number types.
enum DocumentNumber {
    /// Trims surrounding whitespace and checks that what remains is exactly
    /// `length` ASCII digits.
    ///
    /// Checks for non-digits before length so that "RUC: 2010..." is reported
    /// as bad characters, which is what the user has to fix.
    static func digits(_ raw: String, length: Int) throws(DocumentValidationError) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.allSatisfy(\.isASCIIDigit) else { throw .notDigits }
        guard trimmed.count == length else { throw .wrongLength(expected: length) }
        return trimmed
    }
}

/// A Peruvian document number held as its digits: JSON carries it as a plain string (a
/// number would drop leading zeros), and decoding validates it so bad data cannot enter
/// through an API payload.
public protocol DocumentIdentifier: Codable {
    var value: String { get }
    init(_ raw: String) throws(DocumentValidationError)
}

extension DocumentIdentifier {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do {
            try self.init(raw)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.messageEn)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
