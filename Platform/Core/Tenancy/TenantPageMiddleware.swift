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
        let tenant = try await TenantLoader.tenant(of: request)
        let tenantID = try tenant.requireID()
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
        try await TenantLoader.setContext(request, tenant: tenant, principal: principal)
        return try await next.respond(to: request)
    }
}
