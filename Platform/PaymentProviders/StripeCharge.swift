/// A Charge, as `charge.refunded` carries it.
public struct StripeCharge: Sendable, Equatable, Decodable {
    /// "ch_…"
    public let id: String
    public let paymentIntentID: String?
    /// Céntimos charged.
    public let amount: Int64
    /// Céntimos refunded so far, over all refunds of this charge.
    public let amountRefunded: Int64
    public let currency: String
    /// True only once the whole amount is refunded.
    public let refunded: Bool
    /// Stripe copies the PaymentIntent's metadata only on some API versions: match by
    /// `paymentIntentID` rather than rely on this.
    public let metadata: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, refunded, metadata
        case paymentIntent = "payment_intent"
        case amountRefunded = "amount_refunded"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        paymentIntentID = try c.decodeStripeID(forKey: .paymentIntent)
        amount = try c.decode(Int64.self, forKey: .amount)
        amountRefunded = try c.decodeIfPresent(Int64.self, forKey: .amountRefunded) ?? 0
        currency = try c.decode(String.self, forKey: .currency)
        refunded = try c.decodeIfPresent(Bool.self, forKey: .refunded) ?? false
        metadata = try c.decodeMetadata(forKey: .metadata)
    }
}

/// A Refund created by `POST /v1/refunds`.
public struct StripeRefund: Sendable, Equatable, Decodable {
    /// "re_…"
    public let id: String
    /// pending | requires_action | succeeded | failed | canceled
    public let status: String?
    /// Céntimos.
    public let amount: Int64
    public let currency: String
    public let paymentIntentID: String?
    public let chargeID: String?
    public let reason: String?
    public let metadata: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, status, amount, currency, reason, metadata, charge
        case paymentIntent = "payment_intent"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        status = try c.decodeIfPresent(String.self, forKey: .status)
        amount = try c.decode(Int64.self, forKey: .amount)
        currency = try c.decode(String.self, forKey: .currency)
        paymentIntentID = try c.decodeStripeID(forKey: .paymentIntent)
        chargeID = try c.decodeStripeID(forKey: .charge)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        metadata = try c.decodeMetadata(forKey: .metadata)
    }
}
