/// A validated Peruvian national identity document number (Documento
/// Nacional de Identidad).
///
/// A DNI has no check digit in its number, so validation is limited to the
/// shape: exactly 8 digits. Leading zeros are significant and kept.
public struct DNI: Sendable, Hashable, CustomStringConvertible, DocumentIdentifier {
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
}
