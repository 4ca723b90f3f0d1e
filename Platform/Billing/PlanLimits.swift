import Core
import Fluent
import Foundation

/// The plan's quotas, as Billing sells them. A business without a membership has none.
struct PlanLimits: TenantLimits {
    func refusal(_ limit: TenantLimit, tenantID: UUID, on db: any Database) async throws -> LocalizedText? {
        guard let subscription = try await Subscription.query(on: db).filter(\.$tenantID == tenantID).first(),
              let plan = try await Plan.find(subscription.planID, on: db) else { return nil }
        switch limit {
        case .documentsThisMonth(let used):
            guard used >= plan.maxDocumentsPerMonth else { return nil }
            return LocalizedText(
                es: "Su plan \(plan.name) incluye \(plan.maxDocumentsPerMonth) comprobantes al mes y este sería el \(used + 1). Cambie de plan para emitir más.",
                en: "Your \(plan.name) plan includes \(plan.maxDocumentsPerMonth) documents a month and this would be number \(used + 1). Change plans to issue more.")
        case .staffUsers(let current):
            guard current >= plan.maxStaff else { return nil }
            return LocalizedText(
                es: "Su plan \(plan.name) incluye \(plan.maxStaff) usuarios de personal y ya tiene \(current) (contando invitaciones pendientes). Cambie de plan o quite a alguien para invitar a otra persona.",
                en: "Your \(plan.name) plan includes \(plan.maxStaff) staff users and you already have \(current) (pending invitations included). Change plans or remove someone to invite another person.")
        }
    }
}
