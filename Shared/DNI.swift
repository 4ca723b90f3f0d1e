/// A validated Peruvian national identity document number (Documento
/// Nacional de Identidad).
///
/// A DNI has no check digit in its number, so validation is limited to the
/// shape: exactly 8 digits. Leading zeros are significant and kept.
public struct DNI: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Number of digits in every DNI.
    public static let length = 8

    /// The 8 digits, without surrounding whitespace, leading zeros kept.
    public let value: String

    /// Validates `raw`, ignoring surrounding whitespace.
    public init(_ raw: String) throws(DocumentValidationError) {
        value = try DocumentNumber.digits(raw, length: Self.length)
    }

    /// The DNI digits, so it interpolates as the bare number.
    public var description: String { value }

    /// Decodes from a plain JSON string (not a number, which would drop
    /// leading zeros), rejecting invalid values.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do {
            try self.init(raw)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.messageEn)
        }
    }

    /// Encodes as a plain JSON string, e.g. "00123456".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
