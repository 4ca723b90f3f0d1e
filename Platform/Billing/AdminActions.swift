import Core
import Fluent
import Foundation
import Shared
import Vapor

/// What the platform admin does by hand to a membership; each is written to the audit log with
/// its reason, and the membership is re-evaluated at once.
enum AdminActions {
    struct Refusal: Error { let key: String }

    static func perform(
        _ action: String, on subscription: Subscription, days: Int?, planID: UUID?, reason: String, admin: UUID?,
        app: Application, on db: any Database
    ) async throws {
        let now = app.clock.now()
        let tenantID = subscription.tenantID
        let open = try await MembershipCharge.query(on: db).filter(\.$tenantID == tenantID).filter(\.$state == .open)
            .sort(\.$periodStartDay).all()
        var logged = action
        switch action {
        case "extend_grace":
            guard let days, (1...60).contains(days) else { throw Refusal(key: "billing.error.days") }
            for charge in open { charge.graceDays += days; try await charge.save(on: db) }
            logged = "extend_grace +\(days)"
        case "free_month":
            if let oldest = open.first {
                oldest.state = .waived
                oldest.note = "free: \(reason)"
                try await oldest.save(on: db)
            } else {
                // Nothing owed yet: the next period starts later.
                subscription.nextDueDay = subscription.nextPeriodEndDay
                subscription.nextPeriodEndDay = subscription.period.advance(LimaDate(dayNumber: subscription.nextDueDay)).dayNumber
                try await subscription.save(on: db)
            }
        case "manual_payment":
            guard let oldest = open.first, let id = oldest.id else { throw Refusal(key: "billing.error.nothing_owed") }
            try await Memberships.applyPayment(chargeID: id, paymentID: nil, note: "manual: \(reason)", app: app, now: now, on: db)
        case "change_plan":
            guard let planID, let plan = try await Plan.find(planID, on: db) else { throw Refusal(key: "billing.error.plan") }
            subscription.planID = planID
            subscription.renewalCents = plan.price(for: subscription.period).cents
            try await subscription.save(on: db)
            if !plan.modules.isEmpty {
                try await TenantModules.set(Set(plan.modules), for: tenantID, registry: app.modules, on: db)
            }
            logged = "change_plan \(plan.code)"
        case "block":
            subscription.manualStage = .blocked
            try await subscription.save(on: db)
        case "unblock":
            subscription.manualStage = nil
            try await subscription.save(on: db)
        default:
            throw Refusal(key: "billing.error.action")
        }
        try await BillingAuditEntry(tenantID: tenantID, adminID: admin, action: logged, reason: reason, at: now).create(on: db)
        try await DunningSweep.evaluate(tenantIDs: [tenantID], app: app, now: now)
    }
}
