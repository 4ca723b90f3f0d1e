import Foundation
import Vapor

/// Encrypts secrets a tenant gives us (provider API keys, certificate passwords) for storage:
/// AES-256-GCM under a key derived from SECRET_KEY with HKDF, one key per purpose, so a
/// database dump alone reveals nothing and one purpose's key opens no other's.
public struct SecretBox: Sendable {
    private let key: SymmetricKey

    public init(secretKey: String, purpose: String) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(secretKey.utf8)), salt: Data("multinicho.secretbox".utf8),
            info: Data(purpose.utf8), outputByteCount: 32)
    }

    /// Base64 of nonce + ciphertext + tag.
    public func seal(_ plaintext: String) throws -> String {
        guard let combined = try AES.GCM.seal(Data(plaintext.utf8), using: key).combined else {
            throw Abort(.internalServerError, reason: "AES-GCM gave no combined form")
        }
        return combined.base64EncodedString()
    }

    /// The plaintext, or nil when the box was sealed under another key or altered.
    public func open(_ sealed: String) -> String? {
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key) else { return nil }
        return String(data: plain, encoding: .utf8)
    }

    /// How a stored secret is shown back: its start and its last four characters, never all of it.
    public static func masked(_ secret: String) -> String {
        guard secret.count > 12 else { return "••••" }
        return "\(secret.prefix(8))…\(secret.suffix(4))"
    }
}
