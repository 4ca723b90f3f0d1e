import Shared

/// One Yape payment through Culqi: the payer's number and the approval code their Yape app
/// shows, for one amount. Codes are single use, so a failed payment needs a new code.
public struct CulqiYapePayment: Sendable, Equatable {
    /// 9 digits starting with 9, no country code (normalise typed input with `Shared.PeruMobile`).
    public var phone: String
    /// The 6-digit "código de aprobación".
    public var code: String
    public var amount: Money
    /// Culqi requires the payer's e-mail on every charge.
    public var email: String
    /// Ours; sent as `metadata.payment_id` on the token and the charge.
    public var paymentID: String
    public var description: String?

    public init(
        phone: String, code: String, amount: Money, email: String, paymentID: String, description: String? = nil
    ) {
        self.phone = phone
        self.code = code
        self.amount = amount
        self.email = email
        self.paymentID = paymentID
        self.description = description
    }

    /// Yape's own rules, checked before the payer's code is spent on a request that must fail.
    func validate(limit: Money) throws(PaymentProviderError) {
        guard phone.utf8.first == UInt8(ascii: "9"), PaymentInput.isDigits(phone, count: 9) else {
            throw .invalid(.invalidYapePhone, .culqi)
        }
        guard PaymentInput.isDigits(code, count: 6) else { throw .invalid(.invalidYapeCode, .culqi) }
        guard amount.currency == .pen else { throw .invalid(.currencyNotSupported(amount.currency), .culqi) }
        try PaymentInput.requirePositive(amount, .culqi)
        guard amount.cents <= limit.cents else { throw .invalid(.amountAboveLimit(amount, limit: limit), .culqi) }
        try PaymentInput.requireText(email, field: "email", maxLength: 254, .culqi)
        try PaymentInput.requireText(paymentID, field: "payment id", maxLength: 200, .culqi)
    }
}

/// Culqi's refund reasons (culqi-python `RefundValidation`).
public enum CulqiRefundReason: String, Sendable {
    case duplicate = "duplicado"
    case fraudulent = "fraudulento"
    case requestedByCustomer = "solicitud_comprador"
}

/// Where our own payment id travels in Culqi objects.
public enum CulqiMetadata {
    public static let paymentIDKey = "payment_id"
}
