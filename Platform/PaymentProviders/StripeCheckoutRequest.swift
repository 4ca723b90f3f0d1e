import Shared

/// What we ask Stripe Checkout for: one line of `amount` named `productName`.
public struct StripeCheckoutRequest: Sendable, Equatable {
    /// Ours; sent as `client_reference_id` and as `metadata[payment_id]` on both the session and
    /// its PaymentIntent, so that every webhook event leads back to the payment.
    public var paymentID: String
    public var amount: Money
    /// What the payer sees on Stripe's page and receipt, e.g. "Plan Negocio — noviembre 2026".
    public var productName: String
    /// May contain `{CHECKOUT_SESSION_ID}`, which Stripe fills in.
    public var successURL: String
    public var cancelURL: String
    public var customerEmail: String?
    /// More metadata (the tenant, say); `payment_id` is set from `paymentID` and wins.
    public var metadata: [String: String]
    /// Keep the card for later charges without the payer present: Checkout creates a Customer,
    /// attaches the card to it and tells the payer so (`setup_future_usage=off_session`).
    public var saveCardForFutureUse: Bool

    public init(
        paymentID: String, amount: Money, productName: String, successURL: String, cancelURL: String,
        customerEmail: String? = nil, metadata: [String: String] = [:], saveCardForFutureUse: Bool = false
    ) {
        self.paymentID = paymentID
        self.amount = amount
        self.productName = productName
        self.successURL = successURL
        self.cancelURL = cancelURL
        self.customerEmail = customerEmail
        self.metadata = metadata
        self.saveCardForFutureUse = saveCardForFutureUse
    }

    /// The form fields, in a fixed order so that a retry sends identical parameters (Stripe
    /// refuses a reused Idempotency-Key with other parameters).
    func formFields() throws(PaymentProviderError) -> [(String, String)] {
        try PaymentInput.requirePositive(amount, .stripe)
        let limit = Money(cents: StripeClient.maxAmount, currency: amount.currency)
        guard amount.cents <= limit.cents else { throw .invalid(.amountAboveLimit(amount, limit: limit), .stripe) }
        // Stripe limits: client_reference_id 200 characters, metadata values 500.
        try PaymentInput.requireText(paymentID, field: "payment id", maxLength: 200, .stripe)
        try PaymentInput.requireText(productName, field: "product name", maxLength: 500, .stripe)
        try PaymentInput.requireText(successURL, field: "success URL", maxLength: 5000, .stripe)
        try PaymentInput.requireText(cancelURL, field: "cancel URL", maxLength: 5000, .stripe)

        let item = "line_items[0]"
        var fields: [(String, String)] = [
            ("mode", "payment"),
            ("\(item)[price_data][currency]", amount.currency.code.lowercased()),
            ("\(item)[price_data][unit_amount]", String(amount.cents)),
            ("\(item)[price_data][product_data][name]", productName),
            ("\(item)[quantity]", "1"),
            ("success_url", successURL),
            ("cancel_url", cancelURL),
            ("client_reference_id", paymentID),
        ]
        if let customerEmail { fields.append(("customer_email", customerEmail)) }
        if saveCardForFutureUse {
            fields.append(("customer_creation", "always"))
            fields.append(("payment_intent_data[setup_future_usage]", "off_session"))
        }
        var all = metadata
        all[StripeMetadata.paymentIDKey] = paymentID
        for key in all.keys.sorted() {
            fields.append(("metadata[\(key)]", all[key]!))
            fields.append(("payment_intent_data[metadata][\(key)]", all[key]!))
        }
        return fields
    }
}
