/// Why the payments recorded for a sale do not settle it.
public enum PaymentError: Error, Hashable, Sendable {
    /// Refunds are not settled as sales.
    case negativeTotal(Money)
    /// Card, Yape and Plin payments must be above zero; cash may be zero (a
    /// sale of S/ 0.05 in cash is due S/ 0.00) but not negative.
    case amountNotPositive(PaymentMethod)
    /// Card, Yape and Plin together charge more than the sale: they cannot give change.
    case nonCashExceedsDue(excess: Money)
    /// A card, Yape or Plin payment with `tendered` above its amount.
    case changeOnlyInCash(PaymentMethod)
    /// Cash handed over is less than the cash amount recorded.
    case tenderedBelowAmount(tendered: Money, amount: Money)
    /// The payments fall short of the amount due by `missing`.
    case insufficient(missing: Money)

    /// Message for end users, in Spanish.
    public var message: String {
        switch self {
        case .negativeTotal(let total): "El total de la venta (\(total)) no puede ser negativo"
        case .amountNotPositive(let method): "El pago con \(method.name.lowercased()) debe ser mayor que cero"
        case .nonCashExceedsDue(let excess):
            "Los pagos con tarjeta, Yape o Plin superan lo que se debe en \(excess): solo el efectivo da vuelto"
        case .changeOnlyInCash(let method): "El pago con \(method.name.lowercased()) no puede dar vuelto"
        case .tenderedBelowAmount(let tendered, let amount):
            "El efectivo recibido (\(tendered)) es menor que el monto en efectivo (\(amount))"
        case .insufficient(let missing): "Falta pagar \(missing)"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .negativeTotal(let total): "The sale total (\(total)) cannot be negative"
        case .amountNotPositive(let method): "The \(method.nameEn.lowercased()) payment must be greater than zero"
        case .nonCashExceedsDue(let excess):
            "Card, Yape or Plin payments exceed the amount due by \(excess): only cash gives change"
        case .changeOnlyInCash(let method): "A \(method.nameEn.lowercased()) payment cannot give change"
        case .tenderedBelowAmount(let tendered, let amount):
            "The cash received (\(tendered)) is less than the cash amount (\(amount))"
        case .insufficient(let missing): "\(missing) is still to be paid"
        }
    }
}
