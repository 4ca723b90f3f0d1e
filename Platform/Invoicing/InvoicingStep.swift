import Core
import EInvoicing
import EInvoicingXML
import Fluent
import Vapor

/// The onboarding's invoicing set-up: the sandbox from the start (test documents at once),
/// the series, and for production the business's own certificate and SOL user, stored sealed.
enum InvoicingStep {
    static let step = PlatformStep(position: 50, OnboardingStep(
        id: "invoicing", title: LocalizedText(es: "Boletas y facturas electrónicas", en: "Electronic receipts and invoices"),
        detail: LocalizedText(
            es: "Empiezas en modo de pruebas: emites comprobantes que no van a SUNAT. Para emitir de verdad sube tu certificado digital (.pfx) y tu usuario SOL; puedes hacerlo después.",
            en: "You start in test mode: documents that do not go to SUNAT. To issue for real upload your digital certificate (.pfx) and SOL user; you can do it later."),
        form: StepForm(fields: fields, apply: apply), skippable: true))

    @Sendable static func fields(_ req: Request) async throws -> [StepField] {
        let session = try await InvoicingSession.of(req)
        let profile = session.profile
        let tenantID = session.scope.tenantID
        let first = { (kind: DocumentKind) in
            try await InvoicingProfiles.series(of: kind, tenantID: tenantID, environment: profile.environment, on: req.db).first?.series
        }
        var environment = StepField("environment", LocalizedText(es: "Modo", en: "Mode"), kind: .radio, required: true,
                                    value: profile.environment.rawValue)
        environment.options = [
            .init(InvoicingEnvironment.sandbox.rawValue, LocalizedText(es: "Pruebas", en: "Test"),
                  detail: LocalizedText(es: "Comprobantes de prueba, sin SUNAT.", en: "Test documents, no SUNAT.")),
            .init(InvoicingEnvironment.production.rawValue, LocalizedText(es: "Producción", en: "Production"),
                  detail: LocalizedText(es: "Van a SUNAT: necesitas certificado y usuario SOL.", en: "Sent to SUNAT: needs a certificate and SOL user.")),
        ]
        var certificate = StepField("certificate", LocalizedText(es: "Certificado digital (.pfx o .p12)", en: "Digital certificate (.pfx or .p12)"),
                                    kind: .file,
                                    hint: profile.certificateOrigin == "uploaded"
                                        ? LocalizedText(es: "Ya subiste uno: \(profile.certificateSubject). Sube otro solo para cambiarlo.",
                                                        en: "One is saved: \(profile.certificateSubject). Upload another only to replace it.")
                                        : nil)
        certificate.accept = ".pfx,.p12,application/x-pkcs12"
        return [
            environment,
            StepField("boleta_series", LocalizedText(es: "Serie de boletas", en: "Receipt (boleta) series"), required: true,
                      value: try await first(.boleta) ?? "B001"),
            StepField("factura_series", LocalizedText(es: "Serie de facturas", en: "Invoice (factura) series"), required: true,
                      value: try await first(.factura) ?? "F001"),
            certificate,
            StepField("certificate_password", LocalizedText(es: "Contraseña del certificado", en: "Certificate password"), kind: .password),
            StepField("sol_user", LocalizedText(es: "Usuario SOL secundario", en: "Secondary SOL user"), value: profile.solUser,
                      hint: LocalizedText(es: "El que creaste en SUNAT Operaciones en Línea para emitir.",
                                          en: "The one you created in SUNAT Operaciones en Línea to issue.")),
            StepField("sol_password", LocalizedText(es: "Clave SOL", en: "SOL password"), kind: .password),
        ]
    }

    @Sendable static func apply(_ req: Request, _ values: StepValues) async throws -> StepForm.Outcome {
        let session = try await InvoicingSession.of(req)
        let profile = session.profile
        // The business's data as of now (the certificate is checked against its RUC); saved below
        // with the rest, or not at all when the step is refused.
        try InvoicingProfiles.take(session.tenant, into: profile, app: req.application)
        var errors = FieldErrors()
        let boleta = (values.text("boleta_series") ?? "").uppercased()
        let factura = (values.text("factura_series") ?? "").uppercased()
        if !InvoicingProfiles.isSeries(boleta, letter: "B") { errors["boleta_series"] = req.t("invoicing.error.series") }
        if !InvoicingProfiles.isSeries(factura, letter: "F") { errors["factura_series"] = req.t("invoicing.error.series") }
        let environment = InvoicingEnvironment(rawValue: values.text("environment") ?? "") ?? .sandbox
        let credentials = IssuerSettingsPages.Credentials.check(
            certificate: values.file("certificate"), password: values.texts["certificate_password"], solUser: values.text("sol_user") ?? "",
            solPassword: values.text("sol_password") ?? "", environment: environment, profile: profile, now: session.now, req,
            into: &errors)
        if environment == .production, profile.solPasswordSealed == nil, values.text("sol_password") == nil {
            errors["sol_password"] = req.t("invoicing.error.sol")
        }
        try errors.throwIfAny()
        let tenantID = session.scope.tenantID
        let secretKey = req.application.config.secretKey
        try await req.db.transaction { tx in
            profile.environment = environment
            try credentials.store(in: profile, secretKey: secretKey)
            profile.updatedAt = session.now
            try await profile.save(on: tx)
            try await InvoicingProfiles.prefer(boleta, kind: .boleta, tenantID: tenantID, on: tx)
            try await InvoicingProfiles.prefer(factura, kind: .factura, tenantID: tenantID, on: tx)
        }
        return .done
    }
}
