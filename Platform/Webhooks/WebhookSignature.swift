import Crypto
import Foundation

/// Standard Webhooks signing: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the
/// base64-decoded part of a `whsec_` secret.
public enum WebhookSignature {
    static let prefix = "whsec_"

    /// A new secret: 32 random bytes, base64, with the `whsec_` prefix.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
    }

    /// The `webhook-signature` header: one `v1,` entry per secret, space-separated, so that a
    /// receiver holding either the new or the old secret accepts it during a rotation.
    public static func header(messageID: String, timestamp: Int, body: String, secrets: [String]) -> String {
        secrets.map { "v1," + sign(messageID: messageID, timestamp: timestamp, body: body, secret: $0) }
            .joined(separator: " ")
    }

    static func sign(messageID: String, timestamp: Int, body: String, secret: String) -> String {
        let encoded = secret.hasPrefix(prefix) ? String(secret.dropFirst(prefix.count)) : secret
        let key = SymmetricKey(data: Data(base64Encoded: encoded) ?? Data(encoded.utf8))
        let content = Data("\(messageID).\(timestamp).\(body)".utf8)
        return Data(HMAC<SHA256>.authenticationCode(for: content, using: key)).base64EncodedString()
    }

    /// `msg_` and the 32 hex digits of `id`.
    public static func messageID(for id: UUID = UUID()) -> String {
        "msg_" + id.uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}
