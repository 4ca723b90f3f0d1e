/// The ways a minimarket customer pays.
public enum PaymentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case cash, yape, plin, card

    public var name: String {
        switch self {
        case .cash: "Efectivo"
        case .yape: "Yape"
        case .plin: "Plin"
        case .card: "Tarjeta"
        }
    }

    public var nameEn: String {
        switch self {
        case .cash: "Cash"
        case .yape: "Yape"
        case .plin: "Plin"
        case .card: "Card"
        }
    }
}

/// One payment the cashier records for a sale.
public struct SalePayment: Sendable, Hashable {
    public var method: PaymentMethod
    /// What this payment puts towards the sale. For cash, anything above what
    /// is left to pay is read as money handed over and comes back as change.
    public var amount: Money
    /// The bills and coins handed over; only cash has it, and it defaults to `amount`.
    public var tendered: Money?

    public init(method: PaymentMethod, amount: Money, tendered: Money? = nil) {
        self.method = method
        self.amount = amount
        self.tendered = tendered
    }

    public static func cash(_ amount: Money, tendered: Money? = nil) -> SalePayment {
        SalePayment(method: .cash, amount: amount, tendered: tendered)
    }
}
