import Shared

/// A charge to a saved card without the payer present: `POST /v1/payment_intents` with
/// `off_session=true&confirm=true`. Stripe answers the succeeded PaymentIntent, or 402 with a
/// `card_error` (`card_declined`, or `authentication_required` when the bank wants the payer
/// to confirm, which only an on-session payment can do).
public struct StripeOffSessionPayment: Sendable, Equatable {
    /// Ours, sent as `metadata[payment_id]` so that the webhook events lead back to the payment.
    public var paymentID: String
    public var amount: Money
    /// "cus_…" and one of its attached "pm_…".
    public var customerID: String
    public var paymentMethodID: String
    /// On the payer's statement and receipt.
    public var description: String
    public var metadata: [String: String]

    public init(paymentID: String, amount: Money, customerID: String, paymentMethodID: String, description: String,
                metadata: [String: String] = [:]) {
        self.paymentID = paymentID
        self.amount = amount
        self.customerID = customerID
        self.paymentMethodID = paymentMethodID
        self.description = description
        self.metadata = metadata
    }

    /// In a fixed order, so that a retry with the same Idempotency-Key sends the same parameters.
    func formFields() throws(PaymentProviderError) -> [(String, String)] {
        try PaymentInput.requirePositive(amount, .stripe)
        let limit = Money(cents: StripeClient.maxAmount, currency: amount.currency)
        guard amount.cents <= limit.cents else { throw .invalid(.amountAboveLimit(amount, limit: limit), .stripe) }
        try PaymentInput.requireID(customerID, field: "customer", .stripe)
        try PaymentInput.requireID(paymentMethodID, field: "payment method", .stripe)
        try PaymentInput.requireText(paymentID, field: "payment id", maxLength: 500, .stripe)
        try PaymentInput.requireText(description, field: "description", maxLength: 1000, .stripe)
        var fields: [(String, String)] = [
            ("amount", String(amount.cents)),
            ("currency", amount.currency.code.lowercased()),
            ("customer", customerID),
            ("payment_method", paymentMethodID),
            ("off_session", "true"),
            ("confirm", "true"),
            ("description", description),
        ]
        var all = metadata
        all[StripeMetadata.paymentIDKey] = paymentID
        for key in all.keys.sorted() { fields.append(("metadata[\(key)]", all[key]!)) }
        return fields
    }
}

/// A saved card as Stripe describes it: enough to show "Visa •••• 4242, vence 12/2030".
public struct StripePaymentMethod: Sendable, Equatable, Decodable {
    public struct Card: Sendable, Equatable, Decodable {
        public let brand: String
        public let last4: String
        public let expMonth: Int
        public let expYear: Int

        enum CodingKeys: String, CodingKey {
            case brand, last4
            case expMonth = "exp_month"
            case expYear = "exp_year"
        }
    }

    /// "pm_…"
    public let id: String
    public let type: String
    public let card: Card?
    /// The Customer it is attached to; nil once detached (it cannot be charged again).
    public let customerID: String?

    enum CodingKeys: String, CodingKey {
        case id, type, card, customer
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(String.self, forKey: .type)
        card = try c.decodeIfPresent(Card.self, forKey: .card)
        customerID = try c.decodeStripeID(forKey: .customer)
    }
}
