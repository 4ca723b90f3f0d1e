import Fluent
import Vapor

/// The tenant's home: its enabled modules and what is left to set up.
enum DashboardController {
    struct ModuleCard: Encodable {
        let id: String
        let name: String
        let summary: String
        let href: String
    }

    struct Page: Encodable {
        let business: String
        let modules: [ModuleCard]
        let available: [ModuleCard]
        let hasModules: Bool
        let hasAvailable: Bool
        let canManage: Bool
        let settingsHref: String
        let onboardingHref: String
        /// Where an unfinished set-up stands, for owners.
        let setup: OnboardingStatus?
    }

    @Sendable static func show(req: Request) async throws -> View {
        let context = try req.tenantContext
        try req.require(CorePermission.dashboard)
        let base = "/t/\(context.tenant.slug)"
        let cards = req.application.modules.modules.map { module in
            ModuleCard(id: module.id, name: module.name.text(for: req.language),
                       summary: module.summary.text(for: req.language), href: "\(base)/\(module.id)")
        }
        let enabled = cards.filter { context.enabledModules.contains($0.id) }
        let available = cards.filter { !context.enabledModules.contains($0.id) }
        let canManage = context.has(CorePermission.settings.id, registry: req.application.modules)
        let setup = canManage ? try await req.application.onboardingStatus?(req.application, context.tenant, req.db) : nil
        let page = Page(
            business: context.tenant.displayName, modules: enabled, available: available,
            hasModules: !enabled.isEmpty, hasAvailable: !available.isEmpty,
            canManage: canManage, settingsHref: "\(base)/settings", onboardingHref: "\(base)/onboarding", setup: setup)
        return try await req.renderPage("dashboard", page, title: context.tenant.displayName)
    }
}
