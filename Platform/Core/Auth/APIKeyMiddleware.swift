import Fluent
import Vapor

/// Resolves the tenant of an `/api/v1` request from its API key
/// (`Authorization: Bearer mn_...` or `X-API-Key`).
struct APIKeyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let presented = request.headers.bearerAuthorization?.token ?? request.headers.first(name: "X-API-Key")
        guard let presented, let key = try await APIKeys.verify(presented, on: request.db, secret: request.application.config.secretKey) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: request.t("error.apikey"))
        }
        guard let tenant = try await Tenant.find(key.$tenant.id, on: request.db) else { throw Abort(.unauthorized) }
        try await APIKeys.touch(key, on: request.db)
        try await TenantLoader.setContext(request, tenant: tenant, principal: .apiKey(key))
        return try await next.respond(to: request)
    }
}

/// The JSON API takes JSON bodies only (see CSRFMiddleware for why).
struct JSONOnlyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if [.POST, .PUT, .PATCH].contains(request.method), request.body.data?.readableBytes ?? 0 > 0,
           request.headers.contentType != .json {
            throw Abort(.unsupportedMediaType, reason: request.t("error.json_only"))
        }
        return try await next.respond(to: request)
    }
}
