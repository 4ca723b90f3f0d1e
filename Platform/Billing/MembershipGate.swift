import Core
import Fluent
import Foundation
import Payments
import Shared
import Vapor

/// What a business may do, from its membership's stage. Before restricting a business it
/// applies any approved payment not yet applied, so the request right after paying works even
/// before the payment's event is dispatched.
struct MembershipGate: TenantGate {
    func access(for tenant: Tenant, on db: any Database, app: Application) async throws -> TenantAccess {
        guard let tenantID = tenant.id,
              var subscription = try await Subscription.query(on: db).filter(\.$tenantID == tenantID).first() else { return .full }
        let today = LimaDate(app.clock.now()).dayNumber
        var blockedModules = try await AddonBlocking.modules(of: tenantID, today: today, on: db)
        if subscription.state.severity > 0 || !blockedModules.isEmpty,
           try await Reconciliation.applyApprovedPayments(of: tenantID, app: app, on: db) {
            subscription = try await Subscription.query(on: db).filter(\.$tenantID == tenantID).first() ?? subscription
            blockedModules = try await AddonBlocking.modules(of: tenantID, today: today, on: db)
        }
        let stage = subscription.state
        guard stage.severity > 0 else {
            var access = TenantAccess.full
            access.blockedModules = blockedModules
            access.payPath = "membership"
            return access
        }
        let due = try await MembershipDues.of([tenantID], app: app, on: db)[tenantID]
        let amount = due.map { $0.amount.decimalText }
        let money = due?.amount.formatted ?? ""
        let notice: LocalizedText
        let level: TenantAccess.Level
        switch stage {
        case .warning:
            level = .full
            notice = .init(es: "Tu membresía venció el \(due?.due?.formatted ?? ""): paga \(money) para evitar el modo de solo lectura.",
                           en: "Your membership was due on \(due?.due?.formatted ?? ""): pay \(money) to avoid read-only mode.")
        case .readOnly:
            level = .readOnly
            notice = .init(es: "Solo lectura: tu membresía está impaga (\(money)). Puedes ver y exportar todo; paga para volver a registrar.",
                           en: "Read-only: your membership is unpaid (\(money)). You can see and export everything; pay to record again.")
        default:
            level = .blocked
            notice = .init(es: "Tu negocio está bloqueado por la membresía impaga (\(money)). Tus datos están a salvo: paga y todo vuelve al instante.",
                           en: "Your business is blocked for the unpaid membership (\(money)). Your data is safe: pay and everything returns at once.")
        }
        var access = TenantAccess(level: level, notice: notice, payPath: "membership", amount: amount, state: stage.rawValue,
                                  openPaths: ["membership"])
        access.blockedModules = blockedModules
        return access
    }
}

/// An unpaid add-on blocks its module alone, from the ladder's first blocking step on.
enum AddonBlocking {
    static func modules(of tenantID: UUID, today: Int, on db: any Database) async throws -> Set<String> {
        let open = try await MembershipCharge.query(on: db).filter(\.$tenantID == tenantID).filter(\.$state == .open)
            .filter(\.$moduleID != "").all()
        guard !open.isEmpty else { return [] }
        let policy = try await PolicyStore.current(on: db)
        guard let blocking = policy.thresholds.first(where: { $0.stage.severity >= MembershipStage.blocked.severity })?.offsetDays else { return [] }
        return Set(open.filter { today - ($0.periodStartDay + $0.graceDays) >= blocking }.map(\.moduleID))
    }
}

/// Approved membership payments → paid charges, wherever the approval came from.
enum Reconciliation {
    static let purpose = "membership"

    /// Applies approved payments of the business's open charges; true when one was applied.
    static func applyApprovedPayments(of tenantID: UUID, app: Application, on db: any Database) async throws -> Bool {
        let open = try await MembershipCharge.query(on: db).filter(\.$tenantID == tenantID).filter(\.$state == .open).all()
        guard !open.isEmpty else { return false }
        let references = open.compactMap { $0.id?.uuidString.lowercased() }
        let approved = try await Payment.query(on: db).filter(\.$purpose == purpose).filter(\.$reference ~~ references)
            .filter(\.$state == .approved).all()
        var applied = false
        for payment in approved {
            guard let chargeID = UUID(uuidString: payment.reference) else { continue }
            if try await Memberships.applyPayment(chargeID: chargeID, paymentID: payment.id, app: app, now: app.clock.now(), on: app.db) {
                applied = true
            }
        }
        return applied
    }

    struct Applied: Codable, Sendable {
        let chargeID: UUID
        let paymentID: UUID
    }

    static let applyKind = JobKind<Applied>("billing.apply_payment")

    /// `payment.approved` for a membership charge: a job applies it (subscribers run inside the
    /// dispatch transaction, where re-evaluating the business or asking the provider would hold
    /// it open; the next request of the business applies it anyway, through the gate).
    static var subscriber: EventSubscriber {
        EventSubscriber("billing.payments", eventTypes: [PaymentApproved.eventType.name]) { event, db, app in
            struct Envelope: Decodable { let payment: PaymentEventData }
            guard let data = try? JSONDecoder.jobs.decode(Envelope.self, from: Data(event.payload.utf8)).payment,
                  data.purpose == purpose, let chargeID = UUID(uuidString: data.reference) else { return }
            try await JobQueue.enqueue(applyKind, Applied(chargeID: chargeID, paymentID: data.paymentID), runAt: app.clock.now(), on: db)
        }
    }

    /// Applies the payment (mail and invoice follow), then keeps the card if the payer agreed.
    static var applyHandler: JobHandler {
        JobHandler(applyKind) { payload, context in
            let app = context.application
            try await Memberships.applyPayment(chargeID: payload.chargeID, paymentID: payload.paymentID, app: app,
                                               now: context.now, on: context.db)
            guard let payment = try await Payment.find(payload.paymentID, on: context.db),
                  let charge = try await MembershipCharge.find(payload.chargeID, on: context.db) else { return }
            try await SavedCards.keep(from: payment, tenantID: charge.tenantID, app: app, on: context.db)
        }
    }
}
