import Foundation
import Vapor

/// A card a payer kept at the provider for later charges, as the provider names it.
public struct SavedCard: Sendable, Equatable {
    public var provider: PaymentProviderID
    /// The provider's customer ("cus_…") and card ("pm_…").
    public var customerRef: String
    public var methodRef: String
    public var brand: String
    public var last4: String
    public var expMonth: Int
    public var expYear: Int

    public init(provider: PaymentProviderID, customerRef: String, methodRef: String, brand: String, last4: String,
                expMonth: Int, expYear: Int) {
        self.provider = provider
        self.customerRef = customerRef
        self.methodRef = methodRef
        self.brand = brand
        self.last4 = last4
        self.expMonth = expMonth
        self.expYear = expYear
    }

    /// "VISA •••• 4242 (12/2030)"
    public var label: String { "\(brand.uppercased()) •••• \(last4) (\(String(format: "%02d", expMonth))/\(expYear))" }
}

/// A gateway that can keep a card when the payer agrees, and charge it later without them.
public protocol CardOnFileGateway: PaymentGateway {
    /// The card `payment` kept, when the payer agreed to keep it; nil otherwise.
    func savedCard(of payment: Payment) async throws -> SavedCard?
    /// Charges the card now; the answer is the payment's new state (approved, or rejected with
    /// the bank's reason). `needsPayer` is true when only the payer can complete it (3-D Secure).
    func charge(_ payment: Payment, request: PaymentRequest, card: SavedCard) async throws -> (update: PaymentUpdate, needsPayer: Bool)
    /// Stops the card from being charged again.
    func forget(_ card: SavedCard) async throws
}
