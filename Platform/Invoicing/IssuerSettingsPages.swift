import Core
import EInvoicing
import EInvoicingXML
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/invoicing/settings`: the issuer data, the environment, the certificate and SOL
/// credentials (stored sealed, shown only as "saved"), the logo, and the series.
enum IssuerSettingsPages {
    static func routes(_ app: Application) {
        let pages = app.tenantPages.grouped("invoicing", "settings")
        pages.get(use: show)
        pages.on(.POST, body: .collect(maxSize: "2mb"), use: save)
        pages.post("series", use: addSeries)
    }

    struct Form: Vapor.Content {
        var legal_name: String?
        var trade_name: String?
        var address_line: String?
        var ubigeo: String?
        var district: String?
        var province: String?
        var department: String?
        var establishment_code: String?
        var environment: String?
        var pdf_format: String?
        var sol_user: String?
        var sol_password: String?
        var certificate: File?
        var certificate_password: String?
        var logo: File?
    }

    struct SeriesRow: Encodable { let type: String; let series: String; let next: Int }

    struct Content: Encodable {
        let base: String
        let ruc: String
        let form: Form
        let environments: [SelectOption]
        let formats: [SelectOption]
        let certificateSubject: String
        let certificateUntil: String
        let certificateOrigin: String
        let solSaved: Bool
        let hasLogo: Bool
        let series: [SeriesRow]
        let types: [SelectOption]
        let errors: [String: String]
        let saved: Bool
    }

    static func base(_ req: Request) throws -> String { "/t/\(try req.tenantContext.tenant.slug)/invoicing/settings" }

    static func render(_ req: Request, form: Form? = nil, errors: [String: String] = [:]) async throws -> View {
        let session = try await InvoicingSession.of(req)
        let profile = session.profile
        let shown = form ?? Form(
            legal_name: profile.legalName, trade_name: profile.tradeName, address_line: profile.addressLine, ubigeo: profile.ubigeo,
            district: profile.district, province: profile.province, department: profile.department,
            establishment_code: profile.establishmentCode, environment: profile.environment.rawValue, pdf_format: profile.pdfFormat,
            sol_user: profile.solUser)
        let series = try await InvoiceSeries.query(on: req.db).filter(\.$tenantID == profile.tenantID)
            .filter(\.$environment == profile.environment).filter(\.$documentType ~~ ["01", "03", "07", "08"])
            .sort(\.$position).sort(\.$series).all()
        let content = Content(
            base: try base(req), ruc: profile.ruc, form: shown,
            environments: InvoicingEnvironment.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("invoicing.env.\($0.rawValue)"), selected: shown.environment == $0.rawValue)
            },
            formats: InvoicePrinter.Format.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("invoicing.format.\($0.rawValue)"), selected: shown.pdf_format == $0.rawValue)
            },
            certificateSubject: profile.certificateSubject, certificateUntil: LimaDate(profile.certificateNotAfter).formatted,
            certificateOrigin: req.t("invoicing.cert.\(profile.certificateOrigin)"), solSaved: profile.solPasswordSealed != nil,
            hasLogo: profile.logoPNG != nil,
            series: series.map { SeriesRow(type: req.t("invoice.type.\($0.documentType)"), series: $0.series, next: $0.nextNumber) },
            types: ["01", "03", "07", "08"].map { SelectOption(value: $0, label: req.t("invoice.type.\($0)"), selected: false) },
            errors: errors, saved: req.query[String.self, at: "saved"] != nil)
        return try await req.renderPage("invoicing/settings", content, title: req.t("invoicing.settings.title"))
    }

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(CorePermission.invoicingSettings)
        return try await render(req)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicingSettings)
        let form = try req.content.decode(Form.self)
        let session = try await InvoicingSession.of(req)
        let profile = session.profile
        var errors = FieldErrors()
        let text = { (value: String?) in (value ?? "").trimmingCharacters(in: .whitespaces) }
        let legalName = text(form.legal_name)
        if legalName.isEmpty || legalName.count > 200 { errors["legal_name"] = req.t("invoicing.error.legal_name") }
        let ubigeo = text(form.ubigeo)
        if !ubigeo.isEmpty && (ubigeo.count != 6 || !ubigeo.allSatisfy(\.isASCIIDigit)) { errors["ubigeo"] = req.t("invoicing.error.ubigeo") }
        let establishment = text(form.establishment_code).isEmpty ? "0000" : text(form.establishment_code)
        if establishment.count != 4 || !establishment.allSatisfy(\.isASCIIDigit) { errors["establishment_code"] = req.t("invoicing.error.establishment") }
        let environment = InvoicingEnvironment(rawValue: form.environment ?? "") ?? profile.environment
        let credentials = Credentials.check(
            certificate: form.certificate, password: form.certificate_password, solUser: text(form.sol_user),
            solPassword: text(form.sol_password), environment: environment, profile: profile, now: session.now, req, into: &errors)
        var logo: Data?
        if let file = form.logo, file.data.readableBytes > 0 {
            let data = Data(buffer: file.data)
            if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count <= 1 << 20 { logo = data } else { errors["logo"] = req.t("invoicing.error.logo") }
        }
        guard errors.isEmpty else {
            return try await render(req, form: form, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        profile.legalName = legalName
        profile.tradeName = text(form.trade_name).nilIfEmpty
        profile.addressLine = text(form.address_line)
        profile.ubigeo = ubigeo
        profile.district = text(form.district)
        profile.province = text(form.province)
        profile.department = text(form.department)
        profile.establishmentCode = establishment
        profile.environment = environment
        profile.pdfFormat = InvoicePrinter.Format(rawValue: form.pdf_format ?? "")?.rawValue ?? profile.pdfFormat
        try credentials.store(in: profile, secretKey: req.application.config.secretKey)
        if let logo { profile.logoPNG = logo }
        profile.updatedAt = session.now
        try await profile.save(on: req.db)
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    /// The certificate and SOL user of a settings form (the settings page's, the onboarding's),
    /// checked against the business and the environment chosen.
    struct Credentials {
        let certificate: SigningCertificate?
        let solUser: String
        let solPassword: String

        static func check(
            certificate file: File?, password: String?, solUser: String, solPassword: String, environment: InvoicingEnvironment,
            profile: InvoicingProfile, now: Date, _ req: Request, into errors: inout FieldErrors
        ) -> Credentials {
            var certificate: SigningCertificate?
            if let file, file.data.readableBytes > 0 {
                switch loadCertificate(file, password: password ?? "", ruc: profile.ruc, now: now) {
                case .success(let loaded): certificate = loaded
                case .failure(let error): errors["certificate"] = req.language == .en ? error.messageEn : error.message
                }
            }
            if environment == .production && certificate == nil && profile.certificateOrigin == "sandbox" {
                errors["environment"] = req.t("invoicing.error.production_certificate")
            }
            if environment == .production && solUser.isEmpty {
                errors["sol_user"] = req.t("invoicing.error.sol")
            }
            return Credentials(certificate: certificate, solUser: solUser, solPassword: solPassword)
        }

        /// Sealed: the certificate and the SOL password are never stored or shown in clear.
        func store(in profile: InvoicingProfile, secretKey: String) throws {
            let credentials = ProfileCredentials(secretKey: secretKey)
            profile.solUser = solUser.nilIfEmpty
            if !solPassword.isEmpty { profile.solPasswordSealed = try credentials.box.seal(solPassword) }
            if let certificate {
                profile.certificateSealed = try credentials.seal(certificate)
                profile.certificateOrigin = "uploaded"
                profile.certificateSubject = certificate.subject
                profile.certificateNotAfter = certificate.notAfter
            }
        }
    }

    /// A .pfx/.p12 (or .pem) as SUNAT users get them, checked against the business's RUC.
    static func loadCertificate(_ file: File, password: String, ruc: String, now: Date) -> Result<SigningCertificate, CertificateError> {
        let data = Data(buffer: file.data)
        let loaded: Result<SigningCertificate, CertificateError>
        if file.filename.lowercased().hasSuffix(".pem") {
            loaded = Result { () throws(CertificateError) in
                try SigningCertificate.pem(key: data, certificate: data, password: password.isEmpty ? nil : password)
            }
        } else {
            loaded = Result { () throws(CertificateError) in try SigningCertificate.pkcs12(data, password: password) }
        }
        return loaded.flatMap { certificate in
            Result { () throws(CertificateError) in
                try certificate.check(at: now, issuerRUC: ruc)
                return certificate
            }
        }
    }

    /// Adds a series (in every environment) or moves a series' next number forward: a number
    /// can never go back, or two documents could share it.
    @Sendable static func addSeries(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicingSettings)
        struct SeriesForm: Vapor.Content { var document_type: String?; var series: String?; var next_number: Int? }
        let form = try req.content.decode(SeriesForm.self)
        let session = try await InvoicingSession.of(req)
        let series = (form.series ?? "").uppercased().trimmingCharacters(in: .whitespaces)
        guard let kind = form.document_type.flatMap(DocumentKind.init(rawValue:)),
              series.count == 4, series.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }),
              (kind == .boleta ? series.hasPrefix("B") : kind == .factura ? series.hasPrefix("F") : series.first == "F" || series.first == "B") else {
            return try await render(req, errors: ["series": req.t("invoicing.error.series")]).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let tenantID = session.scope.tenantID
        let next = max(1, form.next_number ?? 1)
        try await req.db.transaction { tx in
            for environment in InvoicingEnvironment.allCases {
                try await InvoicingProfiles.addSeries(tenantID: tenantID, environment: environment, kind: kind, series: series, position: 100, on: tx)
            }
            try await InvoiceSeries.query(on: tx).filter(\.$tenantID == tenantID).filter(\.$environment == session.profile.environment)
                .filter(\.$series == series).filter(\.$documentType == kind.rawValue).filter(\.$nextNumber < next)
                .set(\.$nextNumber, to: next).update()
        }
        return req.redirect(to: "\(try base(req))?saved=1")
    }
}
