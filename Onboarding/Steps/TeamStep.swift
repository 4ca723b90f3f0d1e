import Core
import Fluent
import Vapor

/// Inviting the people who work with the owner, by email; each gets a link to join.
enum TeamStep {
    static let step = OnboardingStep(
        id: "team", title: LocalizedText(es: "Invita a tu equipo", en: "Invite your team"),
        detail: LocalizedText(es: "Cada persona recibe un correo con un enlace para unirse con su propia contraseña.",
                              en: "Each person gets an email with a link to join with their own password."),
        form: StepForm(
            submitLabel: LocalizedText(es: "Enviar invitaciones", en: "Send invitations"),
            fields: { _ in
                [StepField("emails", LocalizedText(es: "Correos (uno por línea)", en: "Emails (one per line)"), kind: .textarea,
                           required: true,
                           hint: LocalizedText(es: "Entran como personal: venden, atienden y reservan, pero no cambian la configuración.",
                                               en: "They join as staff: they sell, serve and book, but do not change the settings."))]
            },
            apply: apply),
        skippable: true,
        isComplete: { tenantID, db in
            let staff = try await TenantMember.query(on: db).filter(\.$tenant.$id == tenantID).filter(\.$role == .staff).count()
            if staff > 0 { return true }
            return try await TenantInvitation.query(on: db).filter(\.$tenantID == tenantID).count() > 0
        })

    /// Every address is checked first, then all are invited in one transaction: a refusal
    /// (the plan's staff limit) sends none.
    @Sendable static func apply(_ req: Request, _ values: StepValues) async throws -> StepForm.Outcome {
        let lines = (values.text("emails") ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var emails: [String] = []
        for line in lines {
            var errors = FieldErrors()
            guard let email = InputRules.email(line, "emails", into: &errors, req) else {
                throw FieldErrors(["emails": "\(line): \(errors["emails"] ?? "")"])
            }
            if !emails.contains(email) { emails.append(email) }
        }
        guard emails.count <= 20 else { throw FieldErrors(["emails": req.t("onboarding.team.too_many")]) }
        let context = try req.tenantContext
        let app = req.application
        let (tenant, inviter, language, invitees) = (context.tenant, context.user, req.language, emails)
        do {
            try await req.db.transaction { tx in
                for email in invitees {
                    try await Invitations.invite(email: email, role: .staff, to: tenant, by: inviter, app: app, language: language, on: tx)
                }
            }
        } catch let problem as Invitations.Problem {
            switch problem {
            case .alreadyMember: throw FieldErrors(["emails": req.t("team.error.member")])
            case .limit(let refusal): throw FieldErrors(["emails": refusal.text(for: req.language)])
            }
        }
        return .done
    }
}
