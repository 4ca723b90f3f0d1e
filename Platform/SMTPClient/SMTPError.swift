import CCurl

/// A failed send: libcurl's result code, the last SMTP reply code if the server answered,
/// and a message made of curl's error text and the server's last error reply.
public struct SMTPError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The CURLcode of the transfer (for example 7 = could not connect, 55 = a command
    /// was refused, 67 = login denied, 64 = STARTTLS not offered).
    public let curlCode: Int
    /// The last SMTP reply code (CURLINFO_RESPONSE_CODE), nil when no reply was read.
    public let smtpReply: Int?
    public let message: String

    /// Set when the send was refused before any connection (an address that cannot be valid).
    private let refusedInput: Bool

    public init(curlCode: Int, smtpReply: Int?, message: String) {
        self.init(curlCode: curlCode, smtpReply: smtpReply, message: message, refusedInput: false)
    }

    private init(curlCode: Int, smtpReply: Int?, message: String, refusedInput: Bool) {
        self.curlCode = curlCode
        self.smtpReply = smtpReply
        self.message = message
        self.refusedInput = refusedInput
    }

    /// Input that no retry can fix; reported as CURLE_BAD_FUNCTION_ARGUMENT, without a reply.
    static func invalidInput(_ message: String) -> SMTPError {
        SMTPError(curlCode: Int(CURLE_BAD_FUNCTION_ARGUMENT.rawValue), smtpReply: nil, message: message, refusedInput: true)
    }

    /// A 5xx reply to the mail transaction (550 no such user, 554 rejected, 552 too big...)
    /// is permanent: sending the same message again cannot help. Everything else may succeed
    /// later: 4xx replies, connection refused, TLS or STARTTLS failures, timeouts, and a
    /// refused login (535 is 5xx, but the fix is new credentials, not a dropped message).
    public var isPermanent: Bool {
        if refusedInput { return true }
        guard let smtpReply, (500...599).contains(smtpReply) else { return false }
        return Self.transactionCodes.contains(curlCode)
    }

    /// The codes libcurl gives when the server refuses MAIL, RCPT, DATA or the message itself;
    /// a 5xx reply seen with any other code belongs to login or TLS set-up.
    private static let transactionCodes: Set<Int> = [
        Int(CURLE_SEND_ERROR.rawValue), Int(CURLE_WEIRD_SERVER_REPLY.rawValue), Int(CURLE_RECV_ERROR.rawValue),
    ]

    public var description: String {
        let reply = smtpReply.map { ", SMTP \($0)" } ?? ""
        return "SMTP send failed (curl \(curlCode)\(reply)): \(message)"
    }
}
