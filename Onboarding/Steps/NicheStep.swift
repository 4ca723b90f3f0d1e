import Core
import Vapor

/// What the business does: one module or several. Turning one on runs its own set-up and
/// adds its steps to the wizard.
enum NicheStep {
    static let step = OnboardingStep(
        id: "niche", title: LocalizedText(es: "¿Qué tipo de negocio tienes?", en: "What kind of business do you run?"),
        detail: LocalizedText(es: "Elige uno o varios. Puedes cambiarlo después sin perder nada.",
                              en: "Pick one or several. You can change it later without losing anything."),
        form: StepForm(
            fields: { req in
                let context = try req.tenantContext
                var field = StepField("modules", LocalizedText(es: "Módulos", en: "Modules"), kind: .checkboxes, required: true)
                field.options = req.application.modules.modules.map { StepField.Option($0.id, $0.name, detail: $0.summary) }
                field.values = req.application.modules.modules.map(\.id).filter(context.enabledModules.contains)
                return [field]
            },
            apply: { req, values in
                let registry = req.application.modules
                let chosen = Set(values.list("modules")).intersection(registry.modules.map(\.id))
                guard !chosen.isEmpty else { throw FieldErrors(["modules": req.t("onboarding.choose_one")]) }
                try await TenantModules.set(chosen, for: try req.tenantContext.tenantID, registry: registry, on: req.db)
                return .done
            }),
        isComplete: { tenantID, db in !(try await TenantLoader.enabledModules(of: tenantID, on: db)).isEmpty })
}
