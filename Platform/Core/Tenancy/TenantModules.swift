import Fluent
import Vapor

/// Turning modules on and off for a tenant. Disabling keeps the module's data: turning it on
/// again brings everything back.
public enum TenantModules {
    public static func set(_ wanted: Set<String>, for tenantID: UUID, registry: ModuleRegistry, on db: any Database) async throws {
        let known = Set(registry.modules.map(\.id))
        let target = wanted.intersection(known)
        try await db.transaction { db in
            let current = try await TenantLoader.enabledModules(of: tenantID, on: db)
            for id in current.subtracting(target) {
                try await TenantModule.query(on: db)
                    .filter(\.$tenant.$id == tenantID).filter(\.$moduleID == id).delete()
            }
            for id in target.subtracting(current) {
                try await TenantModule(tenantID: tenantID, moduleID: id).create(on: db)
                try await registry.module(id)?.didEnable(for: tenantID, on: db)
            }
        }
    }

    public static func enable(_ id: String, for tenantID: UUID, registry: ModuleRegistry, on db: any Database) async throws {
        let current = try await TenantLoader.enabledModules(of: tenantID, on: db)
        try await set(current.union([id]), for: tenantID, registry: registry, on: db)
    }
}
