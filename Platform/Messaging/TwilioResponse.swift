import Foundation
import ProviderSupport

/// Twilio's JSON answers: the created Message resource, or `{"code","message","more_info","status"}`.
enum TwilioResponse {
    private struct Message: Decodable {
        let sid: String
        let status: String
    }

    private struct Failure: Decodable {
        let code: Int?
        let message: String?
        let more_info: String?
    }

    static func sent(in body: [UInt8]) -> TwilioClient.Sent? {
        guard let message = try? JSONDecoder().decode(Message.self, from: Data(body)), !message.sid.isEmpty else {
            return nil
        }
        return .init(sid: message.sid, status: message.status)
    }

    static func providerError(status: Int, body: [UInt8]) -> ProviderError {
        let retryable = ProviderError.isRetryable(status: status)
        guard let failure = try? JSONDecoder().decode(Failure.self, from: Data(body)),
              failure.code != nil || failure.message != nil
        else {
            return ProviderError(
                status: status, code: nil, message: "unexpected answer: \(BodySnippet.text(body))",
                isRetryable: retryable)
        }
        var text = failure.message ?? "Twilio error without a message"
        // The more_info page explains the code; it helps whoever reads the log.
        if let link = failure.more_info, !link.isEmpty { text += " (\(link))" }
        return ProviderError(status: status, code: failure.code.map(String.init), message: text, isRetryable: retryable)
    }
}
