import Foundation
import Shared

/// Forma de pago (`PaymentTerms` with ID "FormaPago"), mandatory on facturas.
public enum PaymentTerms: Sendable, Equatable {
    case contado
    /// Credit sale paid in instalments; their sum must equal the amount on credit.
    case credito([Cuota])
}

/// One instalment of a credit sale.
public struct Cuota: Sendable, Equatable {
    /// At most 2 decimals, greater than zero.
    public var amount: Decimal
    /// Must be after the issue date (SUNAT rule 3267).
    public var dueDate: LimaDate
    /// Optional guard: when given it must equal the document currency.
    public var currency: Currency?

    public init(amount: Decimal, dueDate: LimaDate, currency: Currency? = nil) {
        self.amount = amount
        self.dueDate = dueDate
        self.currency = currency
    }
}
