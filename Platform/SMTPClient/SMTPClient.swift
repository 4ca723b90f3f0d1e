import Foundation

/// Sends complete RFC 5322 messages through one SMTP server with libcurl.
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Sends `message` (a complete RFC 5322 message with CRLF line endings; a missing final
    /// CRLF is added by libcurl) to `recipients` (bare addresses) with envelope sender `from`
    /// (a bare address, or "" for the null sender). Throws SMTPError; see `isPermanent`.
    ///
    /// curl_easy_perform blocks for the whole conversation, so each send runs on a thread of
    /// its own: on the cooperative pool (one thread per core) a few slow servers would stall
    /// every other task of the process.
    /// Cancelling the task does not interrupt a send; `settings.timeout` bounds it.
    public func send(from: String, recipients: [String], message: Data) async throws(SMTPError) {
        let transfer = CurlTransfer(settings: settings)
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, SMTPError>, Never>) in
            let thread = Thread {
                continuation.resume(returning: transfer.send(from: from, recipients: recipients, message: message))
            }
            thread.name = "smtp-send"
            thread.start()
        }
        try result.get()
    }
}
