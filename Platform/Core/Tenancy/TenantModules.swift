import Fluent
import Vapor

/// Turning modules on and off for a tenant. Disabling keeps the module's data: turning it on
/// again brings everything back.
public enum TenantModules {
    /// A module as the choosers (settings, onboarding) show it.
    public struct Option: Encodable, Sendable {
        public let id: String
        public let name: String
        public let summary: String
        public let enabled: Bool
    }

    public static func options(for context: TenantContext, registry: ModuleRegistry, language: Language) -> [Option] {
        registry.modules.map {
            Option(id: $0.id, name: $0.name.text(for: language), summary: $0.summary.text(for: language),
                   enabled: context.enabledModules.contains($0.id))
        }
    }

    /// Returns the modules newly turned on.
    @discardableResult
    public static func set(_ wanted: Set<String>, for tenantID: UUID, registry: ModuleRegistry, on db: any Database) async throws -> Set<String> {
        let known = Set(registry.modules.map(\.id))
        let target = wanted.intersection(known)
        return try await db.transaction { db in
            let current = try await TenantLoader.enabledModules(of: tenantID, on: db)
            for id in current.subtracting(target) {
                try await TenantModule.query(on: db)
                    .filter(\.$tenant.$id == tenantID).filter(\.$moduleID == id).delete()
            }
            for id in target.subtracting(current) {
                try await TenantModule(tenantID: tenantID, moduleID: id).create(on: db)
                try await registry.module(id)?.didEnable(for: tenantID, on: db)
            }
            return target.subtracting(current)
        }
    }

    public static func enable(_ id: String, for tenantID: UUID, registry: ModuleRegistry, on db: any Database) async throws {
        let current = try await TenantLoader.enabledModules(of: tenantID, on: db)
        try await set(current.union([id]), for: tenantID, registry: registry, on: db)
    }
}
