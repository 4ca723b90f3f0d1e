import Fluent
import Shared
import Vapor

/// The tenant's API keys, managed from the settings page. A new key is shown once.
enum APIKeysController {
    struct KeyRow: Encodable {
        let id: String
        let name: String
        let prefix: String
        let scopes: String
        let created: String
        let lastUsed: String
        let revoked: Bool
        let sandbox: Bool
    }

    struct ScopeOption: Encodable { let id: String; let description: String }

    struct Section: Encodable {
        let keys: [KeyRow]
        let scopes: [ScopeOption]
        let newKey: String?
    }

    static func section(_ req: Request, newKey: String?) async throws -> Section {
        let keys = try await APIKey.query(on: req.db).filter(\.$tenant.$id == req.tenantContext.tenantID)
            .sort(\.$createdAt, .descending).all()
        let never = req.t("apikeys.never")
        return Section(
            keys: keys.map {
                KeyRow(id: $0.id?.uuidString ?? "", name: $0.name, prefix: "mn_\($0.prefix)_…",
                       scopes: $0.scopes, created: $0.createdAt.map(LimaCalendar.formatDateTime) ?? "",
                       lastUsed: $0.lastUsedAt.map(LimaCalendar.formatDateTime) ?? never, revoked: $0.revokedAt != nil, sandbox: $0.sandbox)
            },
            scopes: [ScopeOption(id: "*", description: req.t("apikeys.all_scopes"))]
                + req.application.modules.allPermissions.map { ScopeOption(id: $0.id, description: $0.description.text(for: req.language)) },
            newKey: newKey)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(CorePermission.apiKeys)
        struct Form: Content { var name: String?; var scopes: [String]?; var sandbox: String? }
        let form = try req.content.decode(Form.self)
        var errors = FieldErrors()
        let name = InputRules.required(form.name, "key_name", into: &errors, req)
        let known = Set(req.application.modules.allPermissions.map(\.id) + ["*"])
        let scopes = (form.scopes ?? []).filter(known.contains)
        if scopes.isEmpty { errors["scopes"] = req.t("apikeys.scopes_required") }
        guard let name, errors.isEmpty else {
            return try await SettingsController.render(req, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let issued = try await APIKeys.issue(
            tenantID: req.tenantContext.tenantID, name: name, scopes: scopes, sandbox: form.sandbox != nil, on: req.db,
            secret: req.application.config.secretKey)
        let response = try await SettingsController.render(req, newKey: issued.plaintext).encodeResponse(status: .created, for: req)
        // The plaintext key is on this page only; keep it out of caches.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        try req.require(CorePermission.apiKeys)
        let context = try req.tenantContext
        guard let key = try await APIKey.query(on: req.db)
            .filter(\.$tenant.$id == context.tenantID)
            .filter(\.$id == (req.parameters.get("key", as: UUID.self) ?? UUID())).first() else {
            throw Abort(.notFound)
        }
        if key.revokedAt == nil {
            key.revokedAt = Date()
            try await key.save(on: req.db)
        }
        return req.redirect(to: "/t/\(context.tenant.slug)/settings?saved=true")
    }
}
