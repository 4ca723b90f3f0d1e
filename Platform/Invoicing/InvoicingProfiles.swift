import Core
import EInvoicing
import EInvoicingXML
import Fluent
import Foundation
import SQLKit
import Vapor

/// A business's invoicing profile, made on first use: issuer data from its registration, the
/// sandbox environment, a self-signed certificate for it, and the usual series (F001, B001,
/// FC01, BC01, FD01, BD01) in every environment. Ready to issue test documents at once.
enum InvoicingProfiles {
    static let defaultSeries: [(DocumentKind, String)] = [
        (.factura, "F001"), (.boleta, "B001"), (.notaCredito, "FC01"), (.notaCredito, "BC01"),
        (.notaDebito, "FD01"), (.notaDebito, "BD01"),
    ]

    static func ensure(_ tenant: Tenant, app: Application, on db: any Database) async throws -> InvoicingProfile {
        let tenantID = try tenant.requireID()
        if let profile = try await InvoicingProfile.query(on: db).filter(\.$tenantID == tenantID).first() { return profile }
        // One maker per process: a burst of first requests waits for one key pair, not one each.
        return try await creation.run {
            if let profile = try await InvoicingProfile.query(on: db).filter(\.$tenantID == tenantID).first() { return profile }
            return try await make(tenant, tenantID: tenantID, app: app, on: db)
        }
    }

    private static let creation = SerialRunner()

    private static func make(_ tenant: Tenant, tenantID: UUID, app: Application, on db: any Database) async throws -> InvoicingProfile {
        let now = app.clock.now()
        let certificate = try SigningCertificate.selfSigned(
            commonName: "\(tenant.legalName) (SANDBOX)", ruc: tenant.ruc, validFrom: now.addingTimeInterval(-86_400), days: 3 * 365)
        let profile = InvoicingProfile()
        profile.tenantID = tenantID
        profile.ruc = tenant.ruc
        profile.legalName = tenant.legalName
        profile.tradeName = tenant.tradeName
        (profile.addressLine, profile.ubigeo, profile.district, profile.province, profile.department) = ("", "", "", "", "")
        profile.establishmentCode = "0000"
        profile.environment = .sandbox
        profile.certificateSealed = try ProfileCredentials(secretKey: app.config.secretKey).seal(certificate)
        profile.certificateOrigin = "sandbox"
        profile.certificateSubject = certificate.subject
        profile.certificateNotAfter = certificate.notAfter
        profile.pdfFormat = "a4"
        profile.updatedAt = now
        do {
            try await db.transaction { tx in
                try await profile.create(on: tx)
                for environment in InvoicingEnvironment.allCases {
                    for (position, (kind, series)) in defaultSeries.enumerated() {
                        try await addSeries(tenantID: tenantID, environment: environment, kind: kind, series: series, position: position, on: tx)
                    }
                }
            }
        } catch {
            // Another request made it meanwhile (unique tenant_id): use that one.
            if let made = try await InvoicingProfile.query(on: db).filter(\.$tenantID == tenantID).first() { return made }
            throw error
        }
        return profile
    }

    /// Takes the business's data into a profile made before it was complete (the RUC of a
    /// sole trader given as a DNI, an address typed later). A sandbox certificate is made again
    /// for a new RUC: the signer checks the certificate against the issuer.
    static func follow(_ tenant: Tenant, profile: InvoicingProfile, app: Application, on db: any Database) async throws {
        try take(tenant, into: profile, app: app)
        try await profile.save(on: db)
    }

    /// `follow` without saving, for a caller that saves the profile with its own changes.
    static func take(_ tenant: Tenant, into profile: InvoicingProfile, app: Application) throws {
        let now = app.clock.now()
        if profile.ruc != tenant.ruc {
            profile.ruc = tenant.ruc
            if profile.certificateOrigin == "sandbox" {
                let certificate = try SigningCertificate.selfSigned(
                    commonName: "\(tenant.legalName) (SANDBOX)", ruc: tenant.ruc, validFrom: now.addingTimeInterval(-86_400), days: 3 * 365)
                profile.certificateSealed = try ProfileCredentials(secretKey: app.config.secretKey).seal(certificate)
                profile.certificateSubject = certificate.subject
                profile.certificateNotAfter = certificate.notAfter
            }
        }
        profile.legalName = tenant.legalName
        profile.tradeName = tenant.tradeName
        if profile.addressLine.isEmpty, let address = tenant.address { profile.addressLine = address }
        if profile.district.isEmpty, let district = tenant.district { profile.district = district }
        profile.updatedAt = now
    }

    /// Four characters, the letter first, then letters or digits: `B001`, `F002`.
    static func isSeries(_ series: String, letter: Character) -> Bool {
        series.count == 4 && series.first == letter && series.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    /// Makes `series` the one documents of `kind` use when none is named, in every environment.
    static func prefer(_ series: String, kind: DocumentKind, tenantID: UUID, on db: any Database) async throws {
        for environment in InvoicingEnvironment.allCases {
            try await addSeries(tenantID: tenantID, environment: environment, kind: kind, series: series, position: -1, on: db)
        }
        try await InvoiceSeries.query(on: db).filter(\.$tenantID == tenantID).filter(\.$documentType == kind.rawValue)
            .filter(\.$series != series).filter(\.$position < 0).set(\.$position, to: 100).update()
        try await InvoiceSeries.query(on: db).filter(\.$tenantID == tenantID).filter(\.$documentType == kind.rawValue)
            .filter(\.$series == series).set(\.$position, to: -1).update()
    }

    static func addSeries(
        tenantID: UUID, environment: InvoicingEnvironment, kind: DocumentKind, series: String, position: Int, nextNumber: Int = 1,
        on db: any Database
    ) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            INSERT INTO \(ident: InvoiceSeries.schema) (id, tenant_id, environment, document_type, series, next_number, position)
            VALUES (\(bind: UUID()), \(bind: tenantID), \(bind: environment.rawValue), \(bind: kind.rawValue), \(bind: series),
                    \(bind: nextNumber), \(bind: position))
            ON CONFLICT (tenant_id, environment, series) DO NOTHING
            """).run()
    }

    /// The series of one document type, in the profile's order.
    static func series(of kind: DocumentKind, tenantID: UUID, environment: InvoicingEnvironment, on db: any Database) async throws -> [InvoiceSeries] {
        try await InvoiceSeries.query(on: db).filter(\.$tenantID == tenantID).filter(\.$environment == environment)
            .filter(\.$documentType == kind.rawValue).sort(\.$position).sort(\.$series).all()
    }
}

/// Runs one operation at a time, in arrival order.
actor SerialRunner {
    private var tail: Task<Void, Never>?

    func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tail
        let task = Task<T, any Error> {
            await previous?.value
            return try await operation()
        }
        tail = Task { _ = await task.result }
        return try await task.value
    }
}
