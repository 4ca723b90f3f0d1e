import Foundation
import Shared

/// A sale as the till sends it, already read and checked field by field.
struct SaleOrder: Sendable {
    struct Line: Sendable {
        let productID: UUID
        let quantity: Quantity
        let discount: Money
    }

    struct Payment: Sendable {
        let method: PaymentMethod
        let amount: Money
        /// Cash handed over; the change is what exceeds `amount`.
        let tendered: Money?
        /// Yape or Plin operation number, card voucher number.
        let reference: String?
    }

    struct Customer: Sendable {
        var name: String?
        var ruc: String?
        var dni: String?
        var email: String?
    }

    /// Made by the till for each sale; the same id sent again is the same sale.
    let clientID: String
    let lines: [Line]
    let payments: [Payment]
    let customer: Customer

    /// The method, or `mixed` when the customer paid with several.
    var paymentMethod: String {
        let methods = Set(payments.map(\.method))
        return methods.count == 1 ? methods.first!.rawValue : "mixed"
    }
}
