/// Why a provider call failed, and whether trying again later can help.
public struct ProviderError: Error, CustomStringConvertible, Sendable {
    /// HTTP status, nil when no answer arrived (network error, timeout) or no request was made.
    public let status: Int?
    /// The provider's error code (Meta `error.code`, Twilio `code`).
    public let code: String?
    /// The provider's own message, e.g. "(#131030) Recipient phone number not in allowed list".
    public let message: String
    /// 4xx answers are permanent (retrying the same request cannot help) except 408 and 429;
    /// 5xx, 408, 429, timeouts and connection errors are retryable.
    public let isRetryable: Bool

    public init(status: Int?, code: String?, message: String, isRetryable: Bool) {
        self.status = status
        self.code = code
        self.message = message
        self.isRetryable = isRetryable
    }

    /// The retry rule for an HTTP answer, before any provider-specific exception.
    public static func isRetryable(status: Int) -> Bool {
        status >= 500 || status == 408 || status == 429
    }

    public var description: String {
        var text = status.map { "HTTP \($0)" } ?? "no HTTP answer"
        // Meta already writes "(#code)" into its message; Twilio does not.
        if let code, !message.contains("(#\(code))") { text += ", code \(code)" }
        text += ": \(message)"
        return isRetryable ? text + " (retryable)" : text
    }
}
