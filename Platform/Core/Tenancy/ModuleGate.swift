import Vapor

/// Hides a module's routes from tenants that have not enabled it: 404, not 403, so a disabled
/// module looks exactly like one that does not exist.
struct ModuleGate: AsyncMiddleware {
    let moduleID: String

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard try request.tenantContext.enabledModules.contains(moduleID) else {
            throw Abort(.notFound)
        }
        if let access = request.tenantAccess, access.blockedModules.contains(moduleID) {
            // An unpaid add-on: this module only, with the way to pay it.
            throw APIError(.paymentRequired, code: "payment_required", message: request.t("membership.addon_blocked"))
        }
        return try await next.respond(to: request)
    }
}
