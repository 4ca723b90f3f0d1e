import Crypto
import Foundation
import ProviderSupport

/// What Meta POSTs to our webhook: delivery statuses of our messages and the customers' own messages.
public enum WhatsAppWebhook {
    /// Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(appSecret, raw body)>`.
    /// The body must be the exact bytes received: re-encoded JSON would not match.
    public static func isValidSignature(_ header: String?, body: [UInt8], appSecret: String) -> Bool {
        guard let header, !appSecret.isEmpty else { return false }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("sha256="),
              let mac = Hex.decode(trimmed.dropFirst("sha256=".count)),
              mac.count == SHA256.byteCount
        else { return false }
        let key = SymmetricKey(data: Array(appSecret.utf8))
        // swift-crypto compares the codes in constant time.
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key)
    }

    /// A change in the state of a message we sent.
    public struct StatusUpdate: Sendable, Equatable {
        public let messageID: String
        /// sent | delivered | read | failed | (voice notes) played | ...
        public let status: String
        public let timestamp: Date?
        public let recipientID: String?
        /// The first of `errors[]` for a failed message.
        public let errorCode: String?
        /// That error's title, and its `error_data.details` when Meta gives them.
        public let errorMessage: String?

        public init(messageID: String, status: String, timestamp: Date?, recipientID: String?,
                    errorCode: String?, errorMessage: String?) {
            self.messageID = messageID
            self.status = status
            self.timestamp = timestamp
            self.recipientID = recipientID
            self.errorCode = errorCode
            self.errorMessage = errorMessage
        }
    }

    /// A customer wrote to the business: this opens the 24-hour window for free-form messages.
    public struct InboundMessage: Sendable, Equatable {
        public let from: String
        public let timestamp: Date?

        public init(from: String, timestamp: Date?) {
            self.from = from
            self.timestamp = timestamp
        }
    }

    /// Parses `entry[].changes[].value.statuses[]` and `.messages[]`; throws on malformed JSON
    /// or a status/message without its identifying fields. Other changes (templates, account
    /// updates) have neither list and give nothing.
    public static func parse(_ body: [UInt8]) throws -> (statuses: [StatusUpdate], messages: [InboundMessage]) {
        let payload = try JSONDecoder().decode(WhatsAppWebhookPayload.self, from: Data(body))
        let values = (payload.entry ?? []).flatMap { $0.changes ?? [] }.compactMap(\.value)
        let statuses = values.flatMap { $0.statuses ?? [] }.map(\.update)
        let messages = values.flatMap { $0.messages ?? [] }.map(\.inbound)
        return (statuses, messages)
    }
}
