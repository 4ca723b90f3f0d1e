import Fluent
import Vapor

/// Links a user to a tenant with a role; one user may belong to several businesses.
public final class TenantMember: Model, @unchecked Sendable {
    public static let schema = "tenant_members"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    @Parent(key: "tenant_id") public var tenant: Tenant
    @Parent(key: "user_id") public var user: User
    @Field(key: "role") public var role: Role

    public init() {}

    public init(tenantID: UUID, userID: UUID, role: Role) {
        self.$tenant.id = tenantID
        self.$user.id = userID
        self.role = role
    }
}
