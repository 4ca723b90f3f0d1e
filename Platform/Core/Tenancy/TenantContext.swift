import Fluent
import Vapor

/// Who is acting on a request that reached a tenant, resolved once per request.
public enum Principal: Sendable {
    case member(User, Role)
    /// A platform admin looking at a tenant they do not belong to.
    case platformAdmin(User)
    case apiKey(APIKey)
    /// Anyone on the business's public pages (`/b/{tenant}`), signed in or not; holds no
    /// permission of the business.
    case visitor(User?)
}

public struct TenantContext: Sendable {
    public let tenant: Tenant
    public let principal: Principal
    public let enabledModules: Set<String>
    public let scope: TenantScope

    public var tenantID: UUID { scope.tenantID }

    public var user: User? {
        switch principal {
        case .member(let user, _), .platformAdmin(let user): user
        case .visitor(let user): user
        case .apiKey: nil
        }
    }

    /// Whether the principal holds `permission`: roles through the registry, API keys
    /// through their scopes, platform admins always.
    public func has(_ permission: String, registry: ModuleRegistry) -> Bool {
        switch principal {
        case .platformAdmin: return true
        case .member(_, let role): return registry.permissions(for: role).contains(permission)
        case .apiKey(let key): return key.scopeList.contains("*") || key.scopeList.contains(permission)
        case .visitor: return false
        }
    }
}

extension Request {
    private struct TenantContextKey: StorageKey { typealias Value = TenantContext }

    /// The tenant of this request. Routes mounted under `/t/{tenant}` or `/api/v1` always have one.
    public var tenantContext: TenantContext {
        get throws {
            guard let context = storage[TenantContextKey.self] else {
                throw Abort(.internalServerError, reason: "route is not behind a tenant resolver")
            }
            return context
        }
    }

    var optionalTenantContext: TenantContext? { storage[TenantContextKey.self] }

    func setTenantContext(_ context: TenantContext) {
        storage[TenantContextKey.self] = context
    }

    /// Tenant-filtered database access for this request.
    public var tenantScope: TenantScope {
        get throws { try tenantContext.scope }
    }

    /// Throws 403 unless the current principal holds `permission`.
    public func require(_ permission: Permission) throws {
        try require(permission.id)
    }

    public func require(_ permissionID: String) throws {
        guard try tenantContext.has(permissionID, registry: application.modules) else {
            throw Abort(.forbidden, reason: t("error.forbidden"))
        }
    }
}

public enum TenantLoader {
    /// The tenant named by the route's `{tenant}`, or 404 as if it did not exist.
    static func tenant(of request: Request) async throws -> Tenant {
        guard let slug = request.parameters.get("tenant"),
              let tenant = try await Tenant.query(on: request.db).filter(\.$slug == slug).first(), tenant.id != nil else {
            throw Abort(.notFound)
        }
        return tenant
    }

    /// Resolves the request's tenant for `principal`, with its modules and its scope.
    static func setContext(_ request: Request, tenant: Tenant, principal: Principal) async throws {
        let tenantID = try tenant.requireID()
        request.setTenantContext(TenantContext(
            tenant: tenant, principal: principal, enabledModules: try await enabledModules(of: tenantID, on: request.db),
            scope: TenantScope(tenantID: tenantID, db: request.db)))
    }

    public static func enabledModules(of tenantID: UUID, on db: any Database) async throws -> Set<String> {
        Set(try await TenantModule.query(on: db).filter(\.$tenant.$id == tenantID).all().map(\.moduleID))
    }
}
