import Fluent
import Vapor

/// Issuing and checking API keys. A key reads `mn_<prefix>_<secret>`: the prefix finds the row,
/// the HMAC of the whole key (keyed with SECRET_KEY) proves it.
public enum APIKeys {
    public struct Issued: Sendable {
        public let key: APIKey
        /// The only time the full key exists outside the client.
        public let plaintext: String
    }

    public static func issue(
        tenantID: UUID, name: String, scopes: [String], sandbox: Bool = false, on db: any Database, secret: String
    ) async throws -> Issued {
        let prefix = RandomToken.make(bytes: 6).lowercased().filter { $0.isLetter || $0.isNumber }.prefix(8)
        let plaintext = "mn_\(prefix)_\(RandomToken.make(bytes: 24))"
        let key = APIKey(
            tenantID: tenantID, name: name, prefix: String(prefix),
            keyHash: RandomToken.hmacHex(plaintext, key: secret), scopes: scopes, sandbox: sandbox)
        try await key.create(on: db)
        return Issued(key: key, plaintext: plaintext)
    }

    static func verify(_ presented: String, on db: any Database, secret: String) async throws -> APIKey? {
        let parts = presented.split(separator: "_", maxSplits: 2)
        guard parts.count == 3, parts[0] == "mn" else { return nil }
        guard let key = try await APIKey.query(on: db).filter(\.$prefix == String(parts[1])).first(),
              key.revokedAt == nil,
              RandomToken.constantTimeEquals(key.keyHash, RandomToken.hmacHex(presented, key: secret)) else {
            return nil
        }
        return key
    }

    /// Records use, at most once a minute per key, so that reads do not each turn into a write.
    static func touch(_ key: APIKey, on db: any Database, now: Date = Date()) async throws {
        if let last = key.lastUsedAt, now.timeIntervalSince(last) < 60 { return }
        key.lastUsedAt = now
        try await key.save(on: db)
    }
}
