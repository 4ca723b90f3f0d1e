import Core
import Fluent
import Shared
import Vapor

/// The business's tax identity and where it is: what its receipts and its public page show.
enum BusinessStep {
    static let step = OnboardingStep(
        id: "business", title: LocalizedText(es: "Datos de tu negocio", en: "Your business details"),
        detail: LocalizedText(es: "Salen en tus boletas y facturas y en tu página pública.",
                              en: "They appear on your receipts and invoices and on your public page."),
        form: StepForm(fields: fields, apply: apply),
        isComplete: { tenantID, db in
            guard let tenant = try await Tenant.find(tenantID, on: db) else { return false }
            return tenant.address != nil && tenant.district != nil
        })

    @Sendable static func fields(_ req: Request) async throws -> [StepField] {
        let tenant = try req.tenantContext.tenant
        var district = StepField("district", LocalizedText(es: "Distrito", en: "District"), required: true, value: tenant.district)
        district.suggestions = limaDistricts
        return [
            StepField("ruc", LocalizedText(es: "RUC (o DNI si eres persona natural)", en: "RUC (or DNI for a sole trader)"),
                      required: true, value: tenant.ruc,
                      hint: LocalizedText(es: "Con tu DNI usamos tu RUC 10.", en: "With your DNI we use your RUC 10.")),
            StepField("legal_name", LocalizedText(es: "Razón social (o tu nombre completo)", en: "Legal name (or your full name)"),
                      required: true, value: tenant.legalName),
            StepField("trade_name", LocalizedText(es: "Nombre comercial", en: "Trade name"), value: tenant.tradeName,
                      hint: LocalizedText(es: "Como te conocen tus clientes: «Bodega Doña Rosa».", en: "What your customers call you.")),
            StepField("address", LocalizedText(es: "Dirección", en: "Address"), required: true, value: tenant.address),
            district,
            StepField("phone", LocalizedText(es: "Teléfono o celular", en: "Phone or mobile"), kind: .tel, value: tenant.phone),
        ]
    }

    @Sendable static func apply(_ req: Request, _ values: StepValues) async throws -> StepForm.Outcome {
        var errors = FieldErrors()
        let ruc = InputRules.ruc(values.text("ruc"), into: &errors, req)
        for (field, limit) in [("legal_name", 200), ("trade_name", 100), ("address", 200), ("district", 60), ("phone", 30)] {
            if let text = values.text(field), text.count > limit {
                errors[field] = req.t("onboarding.too_long").replacingOccurrences(of: "{max}", with: "\(limit)")
            }
        }
        try errors.throwIfAny()
        guard let ruc, let legalName = values.text("legal_name") else { throw errors }
        let tenant = try req.tenantContext.tenant
        tenant.ruc = ruc.value
        tenant.legalName = legalName
        tenant.tradeName = values.text("trade_name")
        tenant.address = values.text("address")
        tenant.district = values.text("district")
        tenant.phone = values.text("phone")
        try await req.application.saveDetails(of: tenant, on: req.db)
        return .done
    }

    /// Lima Metropolitana and Callao: where most of our businesses are. Any other is typed.
    static let limaDistricts = [
        "Ancón", "Ate", "Barranco", "Breña", "Carabayllo", "Chaclacayo", "Chorrillos", "Cieneguilla", "Comas", "El Agustino",
        "Independencia", "Jesús María", "La Molina", "La Victoria", "Lima", "Lince", "Los Olivos", "Lurigancho", "Lurín",
        "Magdalena del Mar", "Miraflores", "Pachacámac", "Pucusana", "Pueblo Libre", "Puente Piedra", "Punta Hermosa",
        "Punta Negra", "Rímac", "San Bartolo", "San Borja", "San Isidro", "San Juan de Lurigancho", "San Juan de Miraflores",
        "San Luis", "San Martín de Porres", "San Miguel", "Santa Anita", "Santa María del Mar", "Santa Rosa", "Santiago de Surco",
        "Surquillo", "Villa El Salvador", "Villa María del Triunfo", "Callao", "Bellavista", "Carmen de la Legua", "La Perla",
        "La Punta", "Ventanilla", "Mi Perú",
    ]
}
