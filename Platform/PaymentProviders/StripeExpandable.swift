/// Stripe sends a related object as its id (`"payment_intent": "pi_…"`) unless the request
/// asked to expand it, and then as the object itself; either way we keep the id.
extension KeyedDecodingContainer {
    func decodeStripeID(forKey key: Key) throws -> String? {
        if let id = try? decodeIfPresent(String.self, forKey: key) { return id }
        return try decodeIfPresent(StripeExpandedObject.self, forKey: key)?.id
    }

    /// Metadata is absent on some objects and `{}` on others; both mean none.
    func decodeMetadata(forKey key: Key) throws -> [String: String] {
        try decodeIfPresent([String: String].self, forKey: key) ?? [:]
    }
}

private struct StripeExpandedObject: Decodable {
    let id: String
}

/// Where our own payment id travels in Stripe objects.
public enum StripeMetadata {
    /// `metadata[payment_id]` on the Checkout Session and, through `payment_intent_data`, on the
    /// PaymentIntent, so that every event we handle names our payment.
    public static let paymentIDKey = "payment_id"
}
