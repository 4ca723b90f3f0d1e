import Fluent
import Vapor

/// An invitation to join a business with a role. Only the token's SHA-256 is stored; the token
/// travels in the mail's link. Accepting it makes the membership.
public final class TenantInvitation: TenantOwned, @unchecked Sendable {
    public static let schema = "tenant_invitations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "email") public var email: String
    @Field(key: "role") public var role: Role
    @Field(key: "token_hash") public var tokenHash: String
    @OptionalField(key: "invited_by") public var invitedBy: UUID?
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "accepted_at") public var acceptedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
