import Core
import Vapor

/// Confirming the owner's email by the link mailed at signup; the step can send it again.
enum AccountStep {
    static let step = OnboardingStep(
        id: "account", title: LocalizedText(es: "Confirma tu correo", en: "Confirm your email"),
        detail: LocalizedText(es: "Te enviamos un enlace al registrarte. Ábrelo desde tu correo para confirmar que es tuyo: por ahí te llegan los avisos de tu membresía.",
                              en: "We sent you a link when you signed up. Open it from your mailbox to confirm it is yours: your membership notices go there."),
        form: StepForm(
            submitLabel: LocalizedText(es: "Enviar el enlace otra vez", en: "Send the link again"),
            fields: { _ in [] },
            apply: { req, _ in
                let context = try req.tenantContext
                if try await EmailVerification.ownerVerified(tenantID: context.tenantID, on: req.db) { return .done }
                guard let user = context.user else { throw Abort(.forbidden) }
                try await EmailVerification.send(to: user, app: req.application, language: req.language, on: req.db)
                return .stay(LocalizedText(es: "Te enviamos otro enlace a \(user.email).", en: "We sent another link to \(user.email)."))
            }),
        isComplete: { tenantID, db in try await EmailVerification.ownerVerified(tenantID: tenantID, on: db) })
}
