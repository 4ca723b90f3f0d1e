import Foundation
import ProviderSupport
import NIOHTTP1

/// Stripe's error answer: `{"error":{"type","code","decline_code","message","param","doc_url"}}`.
/// Types: api_error, card_error, idempotency_error, invalid_request_error (docs.stripe.com/api/errors).
struct StripeErrorBody: Decodable {
    struct Details: Decodable {
        let type: String?
        let code: String?
        let decline_code: String?
        let message: String?
        let param: String?
    }
    let error: Details

    static func providerError(_ answer: PaymentHTTP.Answer) -> PaymentProviderError {
        let retryable = shouldRetry(answer.headers) ?? PaymentProviderError.isRetryable(status: answer.status)
        guard let details = try? JSONDecoder().decode(Self.self, from: Data(answer.body)).error else {
            return PaymentProviderError(
                provider: .stripe, reason: answer.status >= 500 ? .providerFailure : .invalidRequest,
                status: answer.status, message: "unexpected answer: \(BodySnippet.text(answer.body))",
                isRetryable: retryable)
        }
        var message = details.message ?? details.type ?? "Stripe error without a message"
        if let param = details.param, !message.contains(param) { message += " (param \(param))" }
        return PaymentProviderError(
            provider: .stripe, reason: reason(status: answer.status, type: details.type), status: answer.status,
            type: details.type, code: details.code, declineCode: details.decline_code, message: message,
            // Stripe writes card errors for the cardholder; the others are for us.
            userMessage: details.type == "card_error" ? details.message : nil, isRetryable: retryable)
    }

    private static func reason(status: Int, type: String?) -> PaymentProviderError.Reason {
        switch (status, type) {
        case (401, _), (403, _): .authentication
        case (_, "card_error"): .declined
        case (_, "idempotency_error"): .idempotencyConflict
        case (429, _): .rateLimited
        case (500..., _), (_, "api_error"): .providerFailure
        default: .invalidRequest
        }
    }

    /// Stripe says with `Stripe-Should-Retry: true|false` whether the same request can succeed
    /// later; its own libraries follow it before looking at the status.
    private static func shouldRetry(_ headers: HTTPHeaders) -> Bool? {
        switch headers.first(name: "Stripe-Should-Retry")?.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
