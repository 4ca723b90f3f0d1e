/// The same questions asked of every payment event, whatever object it carries.
extension StripeEvent {
    /// The id of the object the event is about: "cs_…", "pi_…" or "ch_…"; nil for `.other`.
    public var objectID: String? {
        switch kind {
        case .checkoutSessionCompleted(let session): session.id
        case .paymentIntentSucceeded(let intent), .paymentIntentPaymentFailed(let intent): intent.id
        case .chargeRefunded(let charge): charge.id
        case .other: nil
        }
    }

    public var paymentIntentID: String? {
        switch kind {
        case .checkoutSessionCompleted(let session): session.paymentIntentID
        case .paymentIntentSucceeded(let intent), .paymentIntentPaymentFailed(let intent): intent.id
        case .chargeRefunded(let charge): charge.paymentIntentID
        case .other: nil
        }
    }

    /// Céntimos: the session total, the intent amount, or for a refund the amount refunded so far.
    public var amount: Int64? {
        switch kind {
        case .checkoutSessionCompleted(let session): session.amountTotal
        case .paymentIntentSucceeded(let intent), .paymentIntentPaymentFailed(let intent): intent.amount
        case .chargeRefunded(let charge): charge.amountRefunded
        case .other: nil
        }
    }

    /// Lowercase ISO code, e.g. "pen".
    public var currency: String? {
        switch kind {
        case .checkoutSessionCompleted(let session): session.currency
        case .paymentIntentSucceeded(let intent), .paymentIntentPaymentFailed(let intent): intent.currency
        case .chargeRefunded(let charge): charge.currency
        case .other: nil
        }
    }

    public var metadata: [String: String] {
        switch kind {
        case .checkoutSessionCompleted(let session): session.metadata
        case .paymentIntentSucceeded(let intent), .paymentIntentPaymentFailed(let intent): intent.metadata
        case .chargeRefunded(let charge): charge.metadata
        case .other: [:]
        }
    }

    /// Our payment id, when the object carries it (see `StripeMetadata.paymentIDKey`).
    public var paymentID: String? {
        if case .checkoutSessionCompleted(let session) = kind { return session.paymentID }
        return metadata[StripeMetadata.paymentIDKey]
    }

    /// Why a payment failed, in Stripe's words (fit to show the payer for card errors).
    public var failureMessage: String? {
        guard case .paymentIntentPaymentFailed(let intent) = kind else { return nil }
        return intent.lastPaymentError?.message ?? intent.lastPaymentError?.code
    }
}
