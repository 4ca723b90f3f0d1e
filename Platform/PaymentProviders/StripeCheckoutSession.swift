/// A Checkout Session: Stripe's hosted payment page for one payment.
public struct StripeCheckoutSession: Sendable, Equatable, Decodable {
    /// "cs_…"
    public let id: String
    /// Where to send the payer; nil once the session is complete or expired.
    public let url: String?
    /// open | complete | expired
    public let status: String?
    /// paid | unpaid | no_payment_required. `complete` with `unpaid` happens for delayed methods.
    public let paymentStatus: String?
    /// Set once the payer submits (newer API versions leave it null until then).
    public let paymentIntentID: String?
    public let clientReferenceID: String?
    /// "cus_…": the Customer Checkout created (`customer_creation=always`) or was given.
    public let customerID: String?
    /// Céntimos.
    public let amountTotal: Int64?
    /// Lowercase ISO code, e.g. "pen".
    public let currency: String?
    public let metadata: [String: String]

    /// Our payment id: the metadata we set, else `client_reference_id` (we set both).
    public var paymentID: String? { metadata[StripeMetadata.paymentIDKey] ?? clientReferenceID }

    enum CodingKeys: String, CodingKey {
        case id, url, status, currency, metadata
        case paymentStatus = "payment_status"
        case paymentIntent = "payment_intent"
        case clientReferenceID = "client_reference_id"
        case customer
        case amountTotal = "amount_total"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        status = try c.decodeIfPresent(String.self, forKey: .status)
        paymentStatus = try c.decodeIfPresent(String.self, forKey: .paymentStatus)
        paymentIntentID = try c.decodeStripeID(forKey: .paymentIntent)
        clientReferenceID = try c.decodeIfPresent(String.self, forKey: .clientReferenceID)
        customerID = try c.decodeStripeID(forKey: .customer)
        amountTotal = try c.decodeIfPresent(Int64.self, forKey: .amountTotal)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        metadata = try c.decodeMetadata(forKey: .metadata)
    }
}
