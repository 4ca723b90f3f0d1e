import Fluent
import Shared
import Vapor

/// The business's own data and the modules it uses.
enum SettingsController {
    struct BusinessForm: Content {
        var legal_name: String?
        var trade_name: String?
        var ruc: String?
        var address: String?
        var phone: String?
        var email: String?
    }

    struct Page: Encodable {
        var values: BusinessForm
        var errors: [String: String] = [:]
        var saved = false
        var modules: [TenantModules.Option]
        var apiKeys: APIKeysController.Section
    }

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(CorePermission.settings)
        return try await render(req, saved: (try? req.query.get(Bool.self, at: "saved")) ?? false)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        let form = try req.content.decode(BusinessForm.self)
        var errors = FieldErrors()
        let legalName = InputRules.required(form.legal_name, "legal_name", into: &errors, req)
        let ruc = InputRules.ruc(form.ruc, into: &errors, req)
        var email: String?
        if let raw = form.email, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            email = InputRules.email(raw, into: &errors, req)
        }
        guard errors.isEmpty, let legalName, let ruc else {
            return try await render(req, values: form, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let tenant = try req.tenantContext.tenant
        tenant.legalName = legalName
        tenant.ruc = ruc.value
        tenant.tradeName = form.trade_name.blankToNil
        tenant.address = form.address.blankToNil
        tenant.phone = form.phone.blankToNil
        tenant.email = email
        try await req.application.saveDetails(of: tenant, on: req.db)
        return req.redirect(to: "/t/\(tenant.slug)/settings?saved=true")
    }

    @Sendable static func updateModules(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        struct Form: Content { var modules: [String]?; var next: String? }
        let form = try req.content.decode(Form.self)
        let context = try req.tenantContext
        let registry = req.application.modules
        let added = try await TenantModules.set(Set(form.modules ?? []), for: context.tenantID, registry: registry, on: req.db)
        // A module turned on later is set up the way it would have been at signup: its steps.
        if let first = registry.modules.first(where: { added.contains($0.id) && !$0.onboardingSteps.isEmpty }) {
            return req.redirect(to: "/t/\(context.tenant.slug)/onboarding/next?module=\(first.id)")
        }
        return req.redirect(to: AuthController.safeNext(form.next) ?? "/t/\(context.tenant.slug)/settings?saved=true")
    }

    static func render(
        _ req: Request, values: BusinessForm? = nil, errors: [String: String] = [:], saved: Bool = false,
        newKey: String? = nil
    ) async throws -> View {
        let context = try req.tenantContext
        let tenant = context.tenant
        let modules = TenantModules.options(for: context, registry: req.application.modules, language: req.language)
        let page = Page(
            values: values ?? BusinessForm(legal_name: tenant.legalName, trade_name: tenant.tradeName, ruc: tenant.ruc,
                                           address: tenant.address, phone: tenant.phone, email: tenant.email),
            errors: errors, saved: saved, modules: modules,
            apiKeys: try await APIKeysController.section(req, newKey: newKey))
        return try await req.renderPage("settings", page, title: req.t("settings.title"), forms: true)
    }
}

extension Optional where Wrapped == String {
    /// Empty form fields mean "no value".
    var blankToNil: String? {
        guard let trimmed = self?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
