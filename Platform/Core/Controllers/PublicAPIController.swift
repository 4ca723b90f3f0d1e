import Fluent
import Vapor

/// The platform's own JSON endpoints under /api/v1.
enum PublicAPIController {
    struct TenantDTO: Content {
        let id: String
        let slug: String
        let legal_name: String
        let trade_name: String?
        let ruc: String
        let status: String
    }

    struct MeDTO: Content {
        let tenant: TenantDTO
        let key: KeyDTO?
        let modules: [String]
    }

    struct KeyDTO: Content { let name: String; let scopes: [String]; let sandbox: Bool }

    struct SignupDTO: Content {
        let tenant: TenantDTO
        let user_id: String
        let dashboard_url: String
    }

    static func dto(_ tenant: Tenant) throws -> TenantDTO {
        TenantDTO(id: try tenant.requireID().uuidString.lowercased(), slug: tenant.slug, legal_name: tenant.legalName,
                  trade_name: tenant.tradeName, ruc: tenant.ruc, status: tenant.status.rawValue)
    }

    /// `GET /api/v1/me`: which business this key belongs to. The API's first call.
    @Sendable static func me(req: Request) async throws -> MeDTO {
        let context = try req.tenantContext
        var key: KeyDTO?
        if case .apiKey(let apiKey) = context.principal { key = KeyDTO(name: apiKey.name, scopes: apiKey.scopeList, sandbox: apiKey.sandbox) }
        return MeDTO(tenant: try dto(context.tenant), key: key, modules: context.enabledModules.sorted())
    }

    /// `POST /api/v1/signup`: self-serve registration for other front-ends (no key needed).
    @Sendable static func signup(req: Request) async throws -> Response {
        let input = try req.content.decode(Registration.Input.self)
        let (user, tenant) = try await Registration.register(input, req)
        let body = SignupDTO(tenant: try dto(tenant), user_id: try user.requireID().uuidString.lowercased(),
                             dashboard_url: "\(req.application.config.baseURL)/t/\(tenant.slug)")
        return try await body.encodeResponse(status: .created, for: req)
    }
}
