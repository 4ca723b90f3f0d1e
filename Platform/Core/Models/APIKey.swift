import Fluent
import Vapor

/// A per-tenant API key. The full key is shown once; the database keeps its public prefix
/// (to find the row) and a keyed hash (to check it).
public final class APIKey: Model, @unchecked Sendable {
    public static let schema = "api_keys"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    @Parent(key: "tenant_id") public var tenant: Tenant
    @Field(key: "name") public var name: String
    @Field(key: "prefix") public var prefix: String
    @Field(key: "key_hash") public var keyHash: String
    /// Permission ids the key may use, space separated; "*" grants every permission.
    @Field(key: "scopes") public var scopes: String
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    /// Documents made with a sandbox key are signed but never sent to SUNAT.
    @Field(key: "sandbox") public var sandbox: Bool

    public init() {}

    public init(tenantID: UUID, name: String, prefix: String, keyHash: String, scopes: [String], sandbox: Bool = false) {
        self.sandbox = sandbox
        self.$tenant.id = tenantID
        self.name = name
        self.prefix = prefix
        self.keyHash = keyHash
        self.scopes = scopes.joined(separator: " ")
    }

    public var scopeList: [String] { scopes.split(separator: " ").map(String.init) }
}
