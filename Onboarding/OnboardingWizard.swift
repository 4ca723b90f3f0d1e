import Core
import Fluent
import Vapor

/// The self-serve set-up wizard a new business lands on after signing up: choose the modules,
/// then work through the steps that the platform and each enabled module contribute.
public enum OnboardingWizard {
    public static func register(on app: Application) {
        let pages = app.tenantPages.grouped("onboarding")
        pages.get(use: show)
    }

    struct StepView: Encodable {
        let title: String
        let detail: String
        let href: String
        let done: Bool
    }

    struct Page: Encodable {
        let business: String
        let modules: [TenantModules.Option]
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
        let modules = TenantModules.options(for: context, registry: registry, language: language)
        let steps = try await collectSteps(context, registry: registry, language: language, db: req.db)
        let page = Page(
            business: context.tenant.displayName, modules: modules, hasModules: !modules.isEmpty, steps: steps,
            doneCount: steps.filter(\.done).count, stepCount: steps.count, dashboardHref: "/t/\(context.tenant.slug)")
        return try await req.renderPage("onboarding/wizard", page, title: req.t("onboarding.title"), forms: true)
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
