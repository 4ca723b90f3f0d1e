import Core
import Crypto
import Foundation

/// The signed link in every email that lets its recipient stop a channel from a sender with
/// one click and no account. The token carries who and what; the signature stops anyone from
/// unsubscribing someone else by editing it.
struct UnsubscribeLink: Sendable {
    struct Target: Codable, Equatable {
        /// `NotificationOptOut.scope`: a tenant id, or "platform".
        let scope: String
        let channel: NotificationChannel
        let address: String
    }

    let baseURL: String
    private let key: SymmetricKey

    init(baseURL: String, secretKey: String) {
        self.baseURL = baseURL
        // A key of its own, so a token can never double as another signed value of the app.
        key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(
            for: Data("unsubscribe-links".utf8), using: SymmetricKey(data: Data(secretKey.utf8))))
    }

    func url(for target: Target) -> String {
        "\(baseURL)/n/unsubscribe/\(token(for: target))"
    }

    func token(for target: Target) -> String {
        let payload = Base64URL.encode(try! JSONEncoder.jobs.encode(target))
        return "\(payload).\(signature(of: payload))"
    }

    /// nil for a token that was tampered with or is not one of ours.
    func target(of token: String) -> Target? {
        let parts = token.split(separator: ".")
        guard parts.count == 2, let payload = parts.first, let signature = parts.last,
              let expected = Data(base64URL: self.signature(of: String(payload))),
              let given = Data(base64URL: String(signature)),
              expected.count == given.count,
              zip(expected, given).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0,
              let json = Data(base64URL: String(payload)) else { return nil }
        return try? JSONDecoder.jobs.decode(Target.self, from: json)
    }

    private func signature(of payload: String) -> String {
        Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)).prefix(18))
    }
}

enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension Data {
    init?(base64URL: String) {
        var text = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        self.init(base64Encoded: text)
    }
}
