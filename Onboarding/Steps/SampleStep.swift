import Core
import Vapor

/// Example data to look around with (a stocked shelf, a list of services), on request; the
/// wizard's summary and the dashboard offer to remove it with one click.
enum SampleStep {
    static let step = OnboardingStep(
        id: "samples", title: LocalizedText(es: "¿Quieres ver datos de ejemplo?", en: "Would you like sample data?"),
        detail: LocalizedText(es: "Llenamos tu negocio con ejemplos para que lo recorras. Los quitas con un clic cuando quieras; lo tuyo no se toca.",
                              en: "We fill your business with examples to look around. Remove them with one click any time; your own data is untouched."),
        form: StepForm(
            submitLabel: LocalizedText(es: "Sí, agrega ejemplos", en: "Yes, add examples"),
            fields: { _ in [] },
            apply: { req, _ in
                let context = try req.tenantContext
                try await Samples.add(to: context, userID: context.user?.id, app: req.application, on: req.db)
                return .done
            }),
        skippable: true,
        isComplete: { tenantID, db in try await Samples.present(in: tenantID, on: db) })
}
