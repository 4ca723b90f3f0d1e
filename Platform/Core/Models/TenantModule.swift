import Fluent
import Vapor

/// One row per module a tenant has turned on; absence means disabled.
public final class TenantModule: Model, @unchecked Sendable {
    public static let schema = "tenant_modules"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "enabled_at", on: .create) public var enabledAt: Date?

    @Parent(key: "tenant_id") public var tenant: Tenant
    @Field(key: "module_id") public var moduleID: String

    public init() {}

    public init(tenantID: UUID, moduleID: String) {
        self.$tenant.id = tenantID
        self.moduleID = moduleID
    }
}
