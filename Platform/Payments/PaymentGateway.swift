import Foundation
import Shared
import Vapor

/// What a module asks for: an amount for something of its own, with a key that makes a retried
/// request answer the same payment.
public struct PaymentRequest: Sendable, Equatable {
    public var purpose: String
    public var reference: String
    public var amount: Money
    public var idempotencyKey: String
    /// Shown to the payer and sent to providers that print it ("Reserva alisado largo").
    public var description: String
    public var payerEmail: String?
    /// The payer agreed to keep the card for later charges without them present (card on file);
    /// gateways that cannot keep cards ignore it.
    public var saveCard: Bool

    public init(purpose: String, reference: String, amount: Money, idempotencyKey: String,
                description: String, payerEmail: String? = nil, saveCard: Bool = false) {
        self.purpose = purpose
        self.reference = reference
        self.amount = amount
        self.idempotencyKey = idempotencyKey
        self.description = description
        self.payerEmail = payerEmail
        self.saveCard = saveCard
    }
}

/// What the payer must do next.
public enum PaymentNextStep: Codable, Sendable, Equatable {
    /// Open this URL (Stripe Checkout, the sandbox page).
    case redirect(String)
    /// Pay this QR in the Yape/Plin app, then submit the operation number.
    case showQR(imageURL: String, phone: String?)
    /// Type the 6-digit approval code from the Yape app.
    case askOTP
    /// Nothing: the payment is already decided.
    case none
}

/// A provider's news about one payment, in the platform's terms.
public struct PaymentUpdate: Sendable, Equatable {
    /// The provider's event id, for replay protection; nil when the provider has none (a
    /// status fetch), in which case only the conditional state change protects.
    public var eventID: String?
    /// Our payment id, when the provider echoes it (metadata); else the provider's id.
    public var paymentID: UUID?
    public var providerPaymentID: String?
    public var state: PaymentState
    public var reason: String?
    public var raw: String

    public init(eventID: String?, paymentID: UUID?, providerPaymentID: String?, state: PaymentState,
                reason: String? = nil, raw: String) {
        self.eventID = eventID
        self.paymentID = paymentID
        self.providerPaymentID = providerPaymentID
        self.state = state
        self.reason = reason
        self.raw = raw
    }
}

/// Why a provider's webhook was not believed: answered 401 and nothing changes.
public struct WebhookRejected: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// One payment provider behind one protocol, for customers' payments and memberships alike.
public protocol PaymentGateway: Sendable {
    var provider: PaymentProviderID { get }
    /// Largest single payment the method takes (Yape caps what a payer can send); nil: none.
    var limit: Money? { get }
    /// How long a payment may stay pending before the expiry job releases what it holds.
    var pendingWindow: TimeInterval { get }

    /// Starts the payment at the provider; returns the provider's id (if any) and the next step.
    func start(_ payment: Payment, request: PaymentRequest) async throws -> (providerPaymentID: String?, next: PaymentNextStep)
    /// Verifies a webhook and reads it; nil for notifications that are not about a payment.
    func update(fromWebhook body: ByteBuffer, headers: HTTPHeaders) async throws -> PaymentUpdate?
    /// Asks the provider where the payment stands.
    func fetch(_ payment: Payment) async throws -> PaymentUpdate
    func refund(_ payment: Payment, idempotencyKey: String) async throws -> PaymentUpdate
}
