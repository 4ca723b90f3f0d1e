import Foundation
import ProviderSupport

/// Meta's error answer: `{"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}`.
struct MetaErrorBody: Decodable {
    struct Details: Decodable {
        let message: String?
        let type: String?
        let code: Int?
        let errorSubcode: Int?
        let errorData: ErrorData?
        let fbtraceId: String?
    }
    struct ErrorData: Decodable {
        let details: String?
    }
    let error: Details

    /// Meta answers some throttling and temporary failures with 400 rather than 429/5xx;
    /// their codes say that waiting helps. Codes: developers.facebook.com …/whatsapp/cloud-api/support/error-codes.
    static let transientCodes: Set<Int> = [1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004]

    static func providerError(status: Int, body: [UInt8]) -> ProviderError {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let details = try? decoder.decode(Self.self, from: Data(body)).error else {
            return ProviderError(
                status: status, code: nil, message: "unexpected answer: \(BodySnippet.text(body))",
                isRetryable: ProviderError.isRetryable(status: status))
        }
        let retryable = ProviderError.isRetryable(status: status)
            || details.code.map(transientCodes.contains) ?? false
        return ProviderError(
            status: status, code: details.code.map(String.init), message: message(of: details),
            isRetryable: retryable)
    }

    /// "(#131030) Recipient phone number not in allowed list: <details>", so that logs and
    /// the business owner see Meta's words and the code to look up.
    private static func message(of details: Details) -> String {
        var text = details.message ?? details.type ?? "Meta error without a message"
        if let code = details.code, !text.hasPrefix("(#") { text = "(#\(code)) " + text }
        if let extra = details.errorData?.details, !extra.isEmpty, !text.contains(extra) {
            text += " — " + extra
        }
        return text
    }
}
