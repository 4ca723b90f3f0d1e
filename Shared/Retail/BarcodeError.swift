/// Why a scanned or typed barcode was rejected.
public enum BarcodeError: Error, Hashable, Sendable {
    /// Nothing was entered (or only whitespace).
    case empty
    /// Something other than the ASCII digits 0–9.
    case notDigits
    /// Not 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits; carries the count found.
    case wrongLength(found: Int)
    /// The last digit is not the GS1 check digit of the others.
    case badCheckDigit(expected: Int, found: Int)
    /// A valid code that is not a shop-scale label (EAN-13 starting with 20–29).
    case notScaleBarcode
    /// A scale label whose weight or price is zero, which no sale can use.
    case zeroScaleValue

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .empty: "Ingrese el código de barras"
        case .notDigits: "El código de barras solo debe contener dígitos"
        case .wrongLength(let found): "El código de barras debe tener 8, 12 o 13 dígitos (tiene \(found))"
        case .badCheckDigit(let expected, let found):
            "El código de barras no es válido: el último dígito debería ser \(expected), no \(found)"
        case .notScaleBarcode: "No es un código de balanza: debe tener 13 dígitos y empezar con 20 a 29"
        case .zeroScaleValue: "El código de balanza trae peso o precio cero"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .empty: "Enter the barcode"
        case .notDigits: "The barcode must contain digits only"
        case .wrongLength(let found): "The barcode must have 8, 12 or 13 digits (it has \(found))"
        case .badCheckDigit(let expected, let found):
            "The barcode is not valid: its last digit should be \(expected), not \(found)"
        case .notScaleBarcode: "Not a scale barcode: it must have 13 digits and start with 20 to 29"
        case .zeroScaleValue: "The scale barcode carries a zero weight or price"
        }
    }
}
