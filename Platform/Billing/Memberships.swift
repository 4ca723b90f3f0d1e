import Core
import Fluent
import Foundation
import Shared
import SQLKit
import Vapor

/// Starting a membership, and applying what a business pays.
public enum Memberships {
    public static let trialDays = 14
    /// A period's charge (and its pay link) exists this many days before it is due.
    public static let leadDays = 5

    /// The plan a business starts on when none is chosen: the cheapest active one.
    static func defaultPlan(on db: any Database) async throws -> Plan? {
        try await Plan.query(on: db).filter(\.$active == true).sort(\.$monthlyCents).first()
    }

    /// A membership on `plan` (or the default), in trial for `trialDays`; its first period starts
    /// when the trial ends. Runs in the transaction that creates the business.
    @discardableResult
    public static func start(
        tenantID: UUID, plan: Plan? = nil, period: BillingPeriod = .monthly, today: LimaDate, now: Date,
        registry: ModuleRegistry, on db: any Database
    ) async throws -> Subscription? {
        var chosen = plan
        if chosen == nil { chosen = try await defaultPlan(on: db) }
        guard let plan = chosen else { return nil }
        let subscription = Subscription()
        subscription.tenantID = tenantID
        subscription.planID = try plan.requireID()
        subscription.period = period
        subscription.state = .trial
        let trialEnd = today.adding(days: trialDays)
        subscription.trialEndsDay = trialEnd.dayNumber
        subscription.nextDueDay = trialEnd.dayNumber
        subscription.nextPeriodEndDay = period.advance(trialEnd).dayNumber
        subscription.renewalCents = plan.price(for: period).cents
        subscription.stateChangedAt = now
        subscription.createdAt = now
        try await subscription.create(on: db)
        // A business's modules follow its plan.
        if !plan.modules.isEmpty {
            try await TenantModules.set(Set(plan.modules), for: tenantID, registry: registry, on: db)
        }
        return subscription
    }

    /// Moves a membership still in trial to `plan` (the onboarding's plan choice); false once
    /// the business has paid a period, when a change of plan goes through the membership page.
    public static func choosePlan(
        _ plan: Plan, tenantID: UUID, today: LimaDate, now: Date, registry: ModuleRegistry, on db: any Database
    ) async throws -> Bool {
        try await db.transaction { tx in
            guard let subscription = try await Subscription.query(on: tx).filter(\.$tenantID == tenantID).first() else {
                return try await start(tenantID: tenantID, plan: plan, today: today, now: now, registry: registry, on: tx) != nil
            }
            guard subscription.state == .trial else { return false }
            subscription.planID = try plan.requireID()
            subscription.renewalCents = plan.price(for: subscription.period).cents
            try await subscription.save(on: tx)
            // A plan that names its modules adds them; the ones the owner chose stay on.
            if !plan.modules.isEmpty {
                let current = try await TenantLoader.enabledModules(of: tenantID, on: tx)
                try await TenantModules.set(current.union(plan.modules), for: tenantID, registry: registry, on: tx)
            }
            return true
        }
    }

    /// Marks `charge` paid by `paymentID` if it was still open (so a payment applies once),
    /// then re-evaluates the business at once. Returns whether it changed anything.
    @discardableResult
    public static func applyPayment(
        chargeID: UUID, paymentID: UUID?, note: String? = nil, app: Application, now: Date, on db: any Database
    ) async throws -> Bool {
        let paid = try await db.transaction { tx -> MembershipCharge? in
            guard let sql = tx as? any SQLDatabase else { return nil }
            let rows = try await sql.raw("""
                UPDATE \(ident: MembershipCharge.schema) SET state = 'paid', payment_id = \(bind: paymentID),
                    paid_at = \(bind: now), note = COALESCE(\(bind: note), note)
                WHERE id = \(bind: chargeID) AND state = 'open' RETURNING id
                """).all()
            guard !rows.isEmpty, let charge = try await MembershipCharge.find(chargeID, on: tx) else { return nil }
            try await PlatformInvoices.enqueue(charge, now: now, on: tx)
            return charge
        }
        guard let paid else { return false }
        try await DunningSweep.evaluate(tenantIDs: [paid.tenantID], app: app, now: now)
        return true
    }
}
