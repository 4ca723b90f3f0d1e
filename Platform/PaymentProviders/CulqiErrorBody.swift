import Foundation
import ProviderSupport

/// Culqi's error answer: `{"object":"error","type","code","decline_code","merchant_message",
/// "user_message","param","charge_id"}`. Types and statuses as Culqi's API docs list them
/// (invalid_request_error 400, authentication_error 401, card_error 402, resource_error 404,
/// parameter_error 422, limit_api_error 429, api_error 500): payments.md is silent on them.
struct CulqiErrorBody: Decodable {
    let object: String?
    let type: String?
    let code: String?
    let decline_code: String?
    let merchant_message: String?
    let user_message: String?
    let param: String?

    enum Step {
        case yapeToken
        case other
    }

    static func providerError(_ answer: PaymentHTTP.Answer, step: Step) -> PaymentProviderError {
        let retryable = PaymentProviderError.isRetryable(status: answer.status)
        guard let body = try? JSONDecoder().decode(Self.self, from: Data(answer.body)),
              body.object == "error" || body.merchant_message != nil
        else {
            return PaymentProviderError(
                provider: .culqi, reason: answer.status >= 500 ? .providerFailure : .invalidRequest,
                status: answer.status, message: "unexpected answer: \(BodySnippet.text(answer.body))",
                isRetryable: retryable)
        }
        var message = body.merchant_message ?? body.user_message ?? body.type ?? "Culqi error without a message"
        if let param = body.param, !message.contains(param) { message += " (param \(param))" }
        return PaymentProviderError(
            provider: .culqi, reason: reason(status: answer.status, type: body.type, step: step),
            status: answer.status, type: body.type, code: body.code, declineCode: body.decline_code,
            message: message, userMessage: body.user_message, isRetryable: retryable)
    }

    private static func reason(status: Int, type: String?, step: Step) -> PaymentProviderError.Reason {
        switch (status, type) {
        case (401, _), (_, "authentication_error"): return .authentication
        case (429, _), (_, "limit_api_error"): return .rateLimited
        case (500..., _), (_, "api_error"): return .providerFailure
        case (_, "card_error"): return .declined
        default:
            // The token call carries only the payer's phone, code and amount, already checked
            // for shape; whatever Yape refuses there (wrong or expired code, unknown number,
            // the payer's own cap) is the payer's to fix, whichever type Culqi gives it.
            return step == .yapeToken ? .declined : .invalidRequest
        }
    }
}
