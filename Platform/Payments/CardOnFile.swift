import Foundation
import Vapor

/// A card a payer kept at the provider for later charges: the provider's references, and how
/// to show it ("VISA •••• 4242 (12/2030)").
public struct SavedCard: Sendable, Equatable {
    public var provider: PaymentProviderID
    /// The provider's customer ("cus_…") and card ("pm_…").
    public var customerRef: String
    public var methodRef: String
    public var label: String

    public init(provider: PaymentProviderID, customerRef: String, methodRef: String, label: String) {
        self.provider = provider
        self.customerRef = customerRef
        self.methodRef = methodRef
        self.label = label
    }
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
