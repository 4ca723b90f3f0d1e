/// Why the lines of a sale cannot be totalled. `line` counts from 1.
public enum SaleError: Error, Hashable, Sendable {
    case quantityNotPositive(line: Int)
    case negativePrice(line: Int)
    case negativeDiscount(line: Int)
    /// The discount is larger than price × quantity.
    case discountExceedsAmount(line: Int, discount: Money, amount: Money)

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .quantityNotPositive(let line): "Línea \(line): la cantidad debe ser mayor que cero"
        case .negativePrice(let line): "Línea \(line): el precio no puede ser negativo"
        case .negativeDiscount(let line): "Línea \(line): el descuento no puede ser negativo"
        case .discountExceedsAmount(let line, let discount, let amount):
            "Línea \(line): el descuento (\(discount)) supera el importe de la línea (\(amount))"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .quantityNotPositive(let line): "Line \(line): the quantity must be greater than zero"
        case .negativePrice(let line): "Line \(line): the price cannot be negative"
        case .negativeDiscount(let line): "Line \(line): the discount cannot be negative"
        case .discountExceedsAmount(let line, let discount, let amount):
            "Line \(line): the discount (\(discount)) exceeds the line amount (\(amount))"
        }
    }
}
