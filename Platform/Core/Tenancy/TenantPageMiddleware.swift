import Fluent
import Vapor

/// Resolves `/t/{tenant}/...` for web pages: the user must be signed in and be a member of the
/// tenant (or a platform admin). Anyone else gets 404, as if the business did not exist.
struct TenantPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else {
            let next = request.url.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "/"
            return request.redirect(to: "/login?next=\(next)")
        }
        guard let slug = request.parameters.get("tenant"),
              let tenant = try await Tenant.query(on: request.db).filter(\.$slug == slug).first(),
              let tenantID = tenant.id else {
            throw Abort(.notFound)
        }
        let membership = try await TenantMember.query(on: request.db)
            .filter(\.$tenant.$id == tenantID).filter(\.$user.$id == user.requireID()).first()
        let principal: Principal
        if let membership {
            principal = .member(user, membership.role)
        } else if user.isPlatformAdmin {
            principal = .platformAdmin(user)
        } else {
            throw Abort(.notFound)
        }
        request.setTenantContext(TenantContext(
            tenant: tenant, principal: principal,
            enabledModules: try await TenantLoader.enabledModules(of: tenantID, on: request.db),
            scope: TenantScope(tenantID: tenantID, db: request.db)))
        return try await next.respond(to: request)
    }
}
