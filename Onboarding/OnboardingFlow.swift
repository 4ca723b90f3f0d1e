import Core
import Fluent
import Vapor

/// The steps of one business's wizard, in order, each with where it stands: the platform's
/// steps, then each enabled module's, then the platform's closing ones.
struct OnboardingFlow {
    enum State: String { case done, skipped, pending }

    struct Item {
        /// `account` for the platform's steps, `minimarket.products` for a module's.
        let key: String
        let step: OnboardingStep
        let moduleID: String?
        let state: State
    }

    let items: [Item]

    var current: Item? { items.first { $0.state == .pending } }
    var finished: Bool { current == nil }

    func index(of key: String) -> Int? { items.firstIndex { $0.key == key } }

    /// The first pending step after `key`, else the first pending one at all.
    func next(after key: String) -> Item? {
        guard let index = index(of: key) else { return current }
        return items[(index + 1)...].first { $0.state == .pending } ?? current
    }

    /// Every step that applies to the business, with its state. An open step whose data shows
    /// it done gets its progress row now, so the funnel counts it even when it was done
    /// elsewhere. A skipped one stays skipped until the owner says otherwise: sample products
    /// must not mark "import your products" done.
    static func load(app: Application, tenant: Tenant, on db: any Database) async throws -> OnboardingFlow {
        let tenantID = try tenant.requireID()
        let enabled = try await TenantLoader.enabledModules(of: tenantID, on: db)
        let progress = try await OnboardingProgress.of(tenantID, on: db)
        var items: [Item] = []
        for (key, step, moduleID) in steps(app: app, enabled: enabled) {
            var state: State = switch progress[key] {
            case .done: .done
            case .skipped: .skipped
            case nil: .pending
            }
            if state == .pending, try await step.isComplete(tenantID, db) {
                try await OnboardingProgress.record(key, .done, tenantID: tenantID, userID: nil, now: app.clock.now(), on: db)
                state = .done
            }
            items.append(Item(key: key, step: step, moduleID: moduleID, state: state))
        }
        let flow = OnboardingFlow(items: items)
        if flow.finished, progress[OnboardingProgress.finishedKey] == nil {
            try await OnboardingProgress.record(OnboardingProgress.finishedKey, .done, tenantID: tenantID, userID: nil,
                                                now: app.clock.now(), on: db)
        }
        return flow
    }

    static func steps(app: Application, enabled: Set<String>) -> [(String, OnboardingStep, String?)] {
        let platform = app.platformOnboardingSteps.filter { $0.applies(enabled, app.modules) }.sorted { $0.position < $1.position }
        let before = platform.filter { $0.position < PlatformStep.modulesPosition }.map { ($0.step.id, $0.step, String?.none) }
        let after = platform.filter { $0.position >= PlatformStep.modulesPosition }.map { ($0.step.id, $0.step, String?.none) }
        let modules = app.modules.modules.filter { enabled.contains($0.id) }.flatMap { module in
            module.onboardingSteps.map { ("\(module.id).\($0.id)", $0, Optional(module.id)) }
        }
        return before + modules + after
    }

    /// For the dashboard and the resume after sign-in: nil once the set-up was finished (a
    /// module's steps added later are reached from the settings, and listed on the wizard).
    static func status(app: Application, tenant: Tenant, on db: any Database) async throws -> OnboardingStatus? {
        let tenantID = try tenant.requireID()
        if try await OnboardingProgress.query(on: db).filter(\.$tenantID == tenantID)
            .filter(\.$stepKey == OnboardingProgress.finishedKey).count() > 0 { return nil }
        let flow = try await load(app: app, tenant: tenant, on: db)
        guard let current = flow.current, let index = flow.index(of: current.key) else { return nil }
        return OnboardingStatus(position: index + 1, count: flow.items.count, href: "/t/\(tenant.slug)/onboarding/\(current.key)")
    }
}
