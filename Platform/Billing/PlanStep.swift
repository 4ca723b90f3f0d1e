import Core
import Fluent
import Shared
import Vapor

/// The onboarding's plan choice: the trial starts at signup, so choosing costs nothing now.
enum PlanStep {
    static let step = PlatformStep(position: 40, OnboardingStep(
        id: "plan", title: LocalizedText(es: "Elige tu plan", en: "Choose your plan"),
        detail: LocalizedText(
            es: "Empiezas con \(Memberships.trialDays) días gratis, sin tarjeta. Al terminar la prueba pagas con Yape, Plin o tarjeta; puedes cambiar de plan cuando quieras.",
            en: "You start with \(Memberships.trialDays) free days, no card needed. When the trial ends you pay by Yape, Plin or card; change plans any time."),
        form: StepForm(fields: fields, apply: apply)))

    @Sendable static func fields(_ req: Request) async throws -> [StepField] {
        let tenantID = try req.tenantContext.tenantID
        let plans = try await Plan.query(on: req.db).filter(\.$active == true).sort(\.$monthlyCents).all()
        let current = try await Subscription.query(on: req.db).filter(\.$tenantID == tenantID).first()?.planID
        var field = StepField("plan", LocalizedText(es: "Plan", en: "Plan"), kind: .radio, required: true)
        field.options = plans.map { plan in
            let price = Money(cents: plan.monthlyCents).formatted
            return StepField.Option(
                plan.code, LocalizedText(es: "\(plan.name) — \(price) al mes", en: "\(plan.name) — \(price) a month"),
                detail: LocalizedText(
                    es: "\(plan.maxStaff) usuarios de personal · \(plan.maxDocumentsPerMonth) comprobantes al mes",
                    en: "\(plan.maxStaff) staff users · \(plan.maxDocumentsPerMonth) documents a month"))
        }
        field.values = plans.filter { $0.id == current }.map(\.code)
        return [field]
    }

    @Sendable static func apply(_ req: Request, _ values: StepValues) async throws -> StepForm.Outcome {
        guard let code = values.text("plan"),
              let plan = try await Plan.query(on: req.db).filter(\.$code == code).filter(\.$active == true).first() else {
            throw FieldErrors(["plan": req.t("billing.plan_unknown")])
        }
        let app = req.application
        let now = app.clock.now()
        guard try await Memberships.choosePlan(plan, tenantID: try req.tenantContext.tenantID, today: LimaDate(now), now: now,
                                               registry: app.modules, on: req.db) else {
            throw FieldErrors(["plan": req.t("billing.plan_after_trial")])
        }
        return .done
    }
}
