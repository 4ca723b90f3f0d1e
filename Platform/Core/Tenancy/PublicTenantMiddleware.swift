import Fluent
import Vapor

/// Resolves `/b/{tenant}/...`, the business's public pages. While its membership keeps the
/// business from working (read-only or blocked), or the page's module is an unpaid add-on,
/// visitors get a "temporarily unavailable" page (503) instead: nothing is said about why,
/// and nothing of the business is lost.
struct PublicTenantMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let tenant = try await TenantLoader.tenant(of: request)
        try await TenantLoader.setContext(request, tenant: tenant, principal: .visitor(request.currentUser))
        if let gate = request.application.tenantGate {
            let access = try await gate.access(for: tenant, on: request.db, app: request.application)
            let moduleBlocked = request.route?.moduleID.map { access.blockedModules.contains($0) } ?? false
            if access.level != .full || moduleBlocked {
                return try await PublicBusinessController.unavailable(request, tenant)
            }
        }
        return try await next.respond(to: request)
    }
}
