import Core
import Fluent
import Foundation
import Invoicing
import Shared
import Vapor

/// Once a membership charge is paid, the platform issues its own SUNAT document to the
/// business (factura with its RUC, boleta otherwise) and mails it, as a job.
enum PlatformInvoices {
    struct Payload: Codable, Sendable { let chargeID: UUID }
    static let kind = JobKind<Payload>("billing.invoice_charge")

    static func enqueue(_ charge: MembershipCharge, now: Date, on db: any Database) async throws {
        _ = try await JobQueue.enqueue(kind, Payload(chargeID: try charge.requireID()), tenantID: charge.tenantID, runAt: now, on: db)
    }

    static var handler: JobHandler {
        JobHandler(kind) { payload, context in
            guard let charge = try await MembershipCharge.find(payload.chargeID, on: context.db),
                  let tenant = try await Tenant.find(charge.tenantID, on: context.db) else {
                throw PermanentJobError("charge \(payload.chargeID) is gone")
            }
            guard charge.state == .paid, charge.documentID == nil else { return }
            let owner = try await TenantMember.query(on: context.db).filter(\.$tenant.$id == charge.tenantID)
                .filter(\.$role == .owner).with(\.$user).first()?.user
            let platform = try await PlatformAccount.tenant(app: context.application, on: context.db)
            let subscription = try await Subscription.find(charge.subscriptionID, on: context.db)
            var plan: Plan?
            if let subscription { plan = try await Plan.find(subscription.planID, on: context.db) }
            let description = "Membresía Multinicho \(plan?.name ?? "") del \(charge.periodStart.formatted) al \(charge.periodEnd.adding(days: -1).formatted)"
            // The link is written in the issuing transaction, conditionally: a rerun of this job
            // after a crash finds it and stops, and never issues a second document.
            let chargeID = payload.chargeID
            _ = try await InternalIssuing.issue(
                from: platform, toRUC: tenant.ruc, name: tenant.legalName, email: owner?.email,
                items: [.init(description: description, quantity: 1, unitPrice: charge.amount.decimal)],
                app: context.application, on: context.db
            ) { documentID, tx in
                try await MembershipCharge.query(on: tx).filter(\.$id == chargeID).filter(\.$documentID == nil)
                    .set(\.$documentID, to: documentID).update()
            }
        }
    }
}
