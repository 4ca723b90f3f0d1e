import Core
import Shared
import Vapor

/// Memberships and killer mode: plans, subscriptions, renewal charges, the dunning ladder and
/// its daily sweep, the gate every tenant request goes through, the pay page and the admin
/// console.
public enum Billing {
    public static func register(on app: Application) {
        app.migrations.add(CreateBillingTables())
        app.migrations.add(AddBillingCards())
        app.platformEventTypes += MembershipEvents.types
        app.tenantGate = MembershipGate()
        app.tenantLimits = PlanLimits()
        let registry = app.modules
        app.tenantCreatedHooks.append { [unowned app] tenant, db in
            try await Memberships.start(tenantID: try tenant.requireID(), today: LimaDate(app.clock.now()), now: app.clock.now(),
                                        registry: registry, on: db)
        }
        app.platformOnboardingSteps.append(PlanStep.step)
        app.jobHandlers.register(DunningSweep.handler)
        app.jobHandlers.register(PlatformInvoices.handler)
        app.jobHandlers.register(CardCharges.handler)
        app.jobHandlers.register(Reconciliation.applyHandler)
        app.scheduledJobs.append(DunningSweep.schedule)
        app.eventSubscribers.append(Reconciliation.subscriber)
        app.eventSubscribers.append(MembershipNotices.subscriber)
        for template in MembershipNotices.all { app.notificationTemplates.register(template) }
        app.platformNavigation.append(NavigationItem(.init(es: "Membresía", en: "Membership"), path: "membership",
                                                     permission: CorePermission.settings.id))
        Strings.add(es: BillingStrings.spanish, en: BillingStrings.english)
        MembershipPages.routes(app)
        AdminBillingPages.routes(app)
        app.asyncCommands.use(SweepBenchCommand(), as: "bench-sweep")
    }
}
