/// Why a typed quantity (units or kilograms) was rejected.
public enum QuantityError: Error, Hashable, Sendable {
    case empty
    /// Letters, symbols, two separators, a missing integer part…
    case notANumber
    case negative
    /// Zero where something must be counted, e.g. a sale line.
    case zero
    /// More than three decimals (grams are the finest step).
    case tooManyDecimals
    case tooLarge

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .empty: "Ingrese la cantidad"
        case .notANumber: "La cantidad debe ser un número (ej. 2 o 0.250)"
        case .negative: "La cantidad no puede ser negativa"
        case .zero: "La cantidad debe ser mayor que cero"
        case .tooManyDecimals: "La cantidad admite hasta 3 decimales (ej. 0.250)"
        case .tooLarge: "La cantidad es demasiado grande"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .empty: "Enter the quantity"
        case .notANumber: "The quantity must be a number (e.g. 2 or 0.250)"
        case .negative: "The quantity cannot be negative"
        case .zero: "The quantity must be greater than zero"
        case .tooManyDecimals: "The quantity allows at most 3 decimals (e.g. 0.250)"
        case .tooLarge: "The quantity is too large"
        }
    }
}
