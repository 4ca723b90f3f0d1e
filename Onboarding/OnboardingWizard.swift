import Core
import Fluent
import Vapor

/// The self-serve set-up wizard a new business lands on after signing up: choose the modules,
/// then work through the steps that the platform and each enabled module contribute.
public enum OnboardingWizard {
    public static func register(on app: Application) {
        let pages = app.tenantPages.grouped("onboarding")
        pages.get(use: show)
        pages.post("modules", use: chooseModules)
    }

    struct ModuleChoice: Encodable {
        let id: String
        let name: String
        let summary: String
        let enabled: Bool
    }

    struct StepView: Encodable {
        let title: String
        let detail: String
        let href: String
        let done: Bool
    }

    struct Page: Encodable {
        let business: String
        let modules: [ModuleChoice]
        let hasModules: Bool
        let steps: [StepView]
        let doneCount: Int
        let stepCount: Int
        let dashboardHref: String
    }

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(CorePermission.settings)
        let context = try req.tenantContext
        let language = req.language
        let registry = req.application.modules
        let modules = registry.modules.map {
            ModuleChoice(id: $0.id, name: $0.name.text(for: language), summary: $0.summary.text(for: language),
                         enabled: context.enabledModules.contains($0.id))
        }
        let steps = try await collectSteps(context, registry: registry, language: language, db: req.db)
        let page = Page(
            business: context.tenant.displayName, modules: modules, hasModules: !modules.isEmpty, steps: steps,
            doneCount: steps.filter(\.done).count, stepCount: steps.count, dashboardHref: "/t/\(context.tenant.slug)")
        return try await req.renderPage("onboarding/wizard", page, title: req.t("onboarding.title"), forms: true)
    }

    @Sendable static func chooseModules(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        struct Form: Content { var modules: [String]? }
        let context = try req.tenantContext
        let wanted = Set(try req.content.decode(Form.self).modules ?? [])
        try await TenantModules.set(wanted, for: context.tenantID, registry: req.application.modules, on: req.db)
        return req.redirect(to: "/t/\(context.tenant.slug)/onboarding")
    }

    /// The platform's own step (complete the business data) first, then each enabled module's.
    static func collectSteps(
        _ context: TenantContext, registry: ModuleRegistry, language: Language, db: any Database
    ) async throws -> [StepView] {
        let base = "/t/\(context.tenant.slug)"
        let tenant = context.tenant
        var steps = [StepView(
            title: Strings.text("onboarding.business_step", language),
            detail: Strings.text("onboarding.business_step.detail", language),
            href: "\(base)/settings", done: tenant.address != nil && tenant.phone != nil)]
        for module in registry.modules where context.enabledModules.contains(module.id) {
            for step in module.onboardingSteps {
                let suffix = step.path.isEmpty ? "" : "/\(step.path)"
                steps.append(StepView(
                    title: step.title.text(for: language), detail: step.detail.text(for: language),
                    href: "\(base)/\(module.id)\(suffix)", done: try await step.isComplete(context.tenantID, db)))
            }
        }
        return steps
    }
}
