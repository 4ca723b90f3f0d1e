/// A PaymentIntent: one attempt-to-collect, with its lifecycle
/// requires_payment_method → requires_confirmation → requires_action → processing →
/// (requires_capture) → succeeded | canceled.
public struct StripePaymentIntent: Sendable, Equatable, Decodable {
    /// The last failed attempt: a decline leaves the intent in `requires_payment_method` with this set.
    public struct PaymentError: Sendable, Equatable, Decodable {
        /// e.g. "card_error"
        public let type: String?
        /// e.g. "card_declined"
        public let code: String?
        /// e.g. "insufficient_funds"
        public let declineCode: String?
        /// Stripe's text, fit to show the payer for card errors.
        public let message: String?

        enum CodingKeys: String, CodingKey {
            case type, code, message
            case declineCode = "decline_code"
        }
    }

    /// "pi_…"
    public let id: String
    public let status: String
    /// Céntimos.
    public let amount: Int64
    public let amountReceived: Int64?
    /// Lowercase ISO code, e.g. "pen".
    public let currency: String
    public let metadata: [String: String]
    public let latestChargeID: String?
    /// "cus_…" and "pm_…": whose card paid, and which card (set once confirmed).
    public let customerID: String?
    public let paymentMethodID: String?
    public let lastPaymentError: PaymentError?

    public var paymentID: String? { metadata[StripeMetadata.paymentIDKey] }

    enum CodingKeys: String, CodingKey {
        case id, status, amount, currency, metadata
        case amountReceived = "amount_received"
        case latestCharge = "latest_charge"
        case customer
        case paymentMethod = "payment_method"
        case lastPaymentError = "last_payment_error"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        status = try c.decode(String.self, forKey: .status)
        amount = try c.decode(Int64.self, forKey: .amount)
        amountReceived = try c.decodeIfPresent(Int64.self, forKey: .amountReceived)
        currency = try c.decode(String.self, forKey: .currency)
        metadata = try c.decodeMetadata(forKey: .metadata)
        latestChargeID = try c.decodeStripeID(forKey: .latestCharge)
        customerID = try c.decodeStripeID(forKey: .customer)
        paymentMethodID = try c.decodeStripeID(forKey: .paymentMethod)
        lastPaymentError = try c.decodeIfPresent(PaymentError.self, forKey: .lastPaymentError)
    }
}
