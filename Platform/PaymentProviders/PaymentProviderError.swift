/// Which provider a call went to.
public enum PaymentProvider: String, Sendable, Equatable {
    case stripe
    case culqi
}

/// Why a payment provider call failed, what the payer may be told, and whether trying again can help.
public struct PaymentProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Refused before any request: fix the input (amount, phone, code) or the configuration.
        case invalidInput(PaymentInputProblem)
        /// The payer's card or wallet said no (Stripe and Culqi `card_error`, a rejected Yape code):
        /// the payer may try again (a new Yape code) or pay another way.
        case declined
        /// The API key is wrong, revoked or of the wrong kind.
        case authentication
        /// The provider refused the request itself (a bug on our side, or a state it does not
        /// allow such as refunding twice).
        case invalidRequest
        /// Stripe: the Idempotency-Key was already used with other parameters.
        case idempotencyConflict
        case rateLimited
        /// The provider failed (5xx) or answered something we cannot read.
        case providerFailure
        /// No answer: connection refused or reset, or the timeout passed. With a `status`, the
        /// answer started and broke off, so the provider may have acted: read the state back
        /// (or, with Stripe, retry with the same Idempotency-Key) before charging again.
        case noAnswer
    }

    public let provider: PaymentProvider
    public let reason: Reason
    /// HTTP status, nil when no answer arrived or no request was made.
    public let status: Int?
    /// The provider's error type (Stripe `error.type`, Culqi `type`), e.g. "card_error".
    public let type: String?
    /// The provider's error code (Stripe `error.code`, Culqi `code`), e.g. "card_declined".
    public let code: String?
    /// The issuer's reason for a decline (`decline_code`), e.g. "insufficient_funds".
    public let declineCode: String?
    /// For logs and the business: the provider's own words (Culqi `merchant_message`).
    public let message: String
    /// Safe to show the payer (Culqi `user_message`, Stripe's message of a card error).
    public let userMessage: String?
    /// 5xx, 408, 409, 429 and missing answers are retryable; Stripe's `Stripe-Should-Retry`
    /// header wins when present. A POST to Stripe may be retried only with the same Idempotency-Key.
    public let isRetryable: Bool

    public init(
        provider: PaymentProvider, reason: Reason, status: Int?, type: String? = nil, code: String? = nil,
        declineCode: String? = nil, message: String, userMessage: String? = nil, isRetryable: Bool
    ) {
        self.provider = provider
        self.reason = reason
        self.status = status
        self.type = type
        self.code = code
        self.declineCode = declineCode
        self.message = message
        self.userMessage = userMessage
        self.isRetryable = isRetryable
    }

    /// An input refused before any request; never retryable.
    static func invalid(_ problem: PaymentInputProblem, _ provider: PaymentProvider) -> Self {
        Self(provider: provider, reason: .invalidInput(problem), status: nil, message: problem.description,
             userMessage: problem.userMessage, isRetryable: false)
    }

    /// The retry rule for an HTTP answer, before any provider-specific exception.
    public static func isRetryable(status: Int) -> Bool {
        status >= 500 || status == 408 || status == 409 || status == 429
    }

    public var description: String {
        var text = "\(provider.rawValue): " + (status.map { "HTTP \($0)" } ?? "no HTTP answer")
        let codes = [type, code, declineCode].compactMap { $0 }
        if !codes.isEmpty { text += " (\(codes.joined(separator: "/")))" }
        text += ": \(message)"
        return isRetryable ? text + " (retryable)" : text
    }
}
