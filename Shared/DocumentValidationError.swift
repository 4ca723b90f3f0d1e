/// Why a Peruvian identity document number (RUC or DNI) was rejected.
public enum DocumentValidationError: Error, Equatable, Sendable {
    /// Nothing was entered (or only whitespace).
    case empty
    /// The number has the wrong number of digits: 11 for a RUC, 8 for a DNI.
    case wrongLength(expected: Int)
    /// Something other than the ASCII digits 0–9 was entered.
    case notDigits
    /// A RUC must start with 10, 15, 16, 17 or 20.
    case invalidPrefix
    /// The RUC's last digit does not match SUNAT's modulo-11 check.
    case badCheckDigit

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .empty: "Ingrese el número de documento"
        case .wrongLength(let expected):
            "El \(Self.documentName(length: expected) ?? "documento") debe tener \(expected) dígitos"
        case .notDigits: "El número de documento solo debe contener dígitos"
        case .invalidPrefix: "El RUC debe empezar con 10, 15, 16, 17 o 20"
        case .badCheckDigit: "El RUC no es válido: el dígito verificador no coincide"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .empty: "Enter the document number"
        case .wrongLength(let expected):
            "The \(Self.documentName(length: expected) ?? "document") must have \(expected) digits"
        case .notDigits: "The document number must contain digits only"
        case .invalidPrefix: "The RUC must start with 10, 15, 16, 17 or 20"
        case .badCheckDigit: "The RUC is not valid: the check digit does not match"
        }
    }

    /// The case carries only the expected length, and that length identifies
    /// the document: 11 digits is always a RUC and 8 always a DNI in Peru.
    private static func documentName(length: Int) -> String? {
        switch length {
        case RUC.length: "RUC"
        case DNI.length: "DNI"
        default: nil
        }
    }
}
