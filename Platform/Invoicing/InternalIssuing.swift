import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// Issuing from other platform services (the platform's own membership invoices): the same
/// checks, numbering and jobs as the web app and the API.
public enum InternalIssuing {
    public struct Item: Sendable {
        public enum Tax: String, Sendable { case gravado, exonerado, inafecto }

        public let description: String
        public let quantity: Decimal
        /// IGV included for `gravado` items.
        public let unitPrice: Decimal
        /// SUNAT's unit (catalogue 03): `NIU` units, `KGM` kilograms, `ZZ` services.
        public let unitCode: String
        public let tax: Tax
        public let productCode: String?

        public init(description: String, quantity: Decimal, unitPrice: Decimal, unitCode: String = "ZZ", tax: Tax = .gravado,
                    productCode: String? = nil) {
            self.description = description
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.unitCode = unitCode
            self.tax = tax
            self.productCode = productCode
        }
    }

    /// Issues a factura to a customer with a valid RUC, a boleta otherwise (to the DNI when
    /// given), from `issuer`, and queues its mail to `email`. Returns the document's id.
    /// `then` runs in the issuing transaction with the new document's id (to link it, at most once).
    public static func issue(
        from issuer: Tenant, toRUC ruc: String?, dni: String? = nil, name: String, email: String?, items: [Item], app: Application,
        paymentMethod: String? = nil, issuedBy: UUID? = nil,
        on db: any Database, then: @escaping @Sendable (UUID, any Database) async throws -> Void = { _, _ in }
    ) async throws -> UUID {
        let prepared = try await prepare(from: issuer, toRUC: ruc, dni: dni, name: name, email: email, items: items, app: app,
                                         paymentMethod: paymentMethod, issuedBy: issuedBy, on: db)
        return try await db.transaction { tx in
            let id = try await prepared.issue(on: tx)
            try await then(id, tx)
            return id
        }
    }

    /// A document checked and ready to number: issue it inside the caller's transaction, so
    /// the document and what it records (a sale and its stock) commit or roll back together.
    public struct Prepared: Sendable {
        let session: InvoicingSession
        let draft: DocumentDraft
        let series: String
        let email: Bool

        public func issue(on tx: any Database) async throws -> UUID {
            try await session.issue(draft, series: series, customerPointer: "/customer", saveCustomer: true, email: email, on: tx)
                .requireID()
        }
    }

    /// A credit note giving back the whole of `documentID` (a return): the same items and
    /// customer, motive 06 "devolución total". Issue it in the caller's transaction.
    public static func prepareReturn(of documentID: UUID, from issuer: Tenant, reason: String, app: Application,
                                     on db: any Database) async throws -> Prepared {
        let profile = try await InvoicingProfiles.ensure(issuer, app: app, on: db)
        let scope = TenantScope(tenantID: try issuer.requireID(), db: db)
        guard let original = try await scope.find(InvoiceRecord.self, documentID) else { throw InvoicingFailure.missing("document \(documentID)") }
        let session = InvoicingSession(tenant: issuer, scope: scope, profile: profile, environment: original.environment, app: app, source: "pos")
        var draft = original.draft(reference: original)
        (draft.kind, draft.series, draft.issueDate) = (.notaCredito, nil, LimaDate(session.now))
        (draft.motive, draft.noteDescription) = (CreditNoteMotive.devolucionTotal.rawValue, reason)
        guard let series = try await session.defaultSeries(.notaCredito, reference: original, on: db) else {
            throw InvoicingFailure.missing("no credit-note series for \(original.series)")
        }
        let credited = try await session.creditedBefore(original, on: db)
        _ = try DraftChecks.check(draft, series: series, profile: profile, creditedBefore: credited, customerPointer: "/customer")
        return Prepared(session: session, draft: draft, series: series, email: original.customerEmail != nil)
    }

    /// Everything before numbering: the profile, the series, the checks (a bad draft throws
    /// `InputProblems` here, before any transaction). `sandbox` keeps a test (a sandbox API
    /// key's sale) out of SUNAT whatever the business's own environment.
    public static func prepare(
        from issuer: Tenant, toRUC ruc: String?, dni: String? = nil, name: String, email: String?, items: [Item], app: Application,
        source: String = "platform", sandbox: Bool = false, paymentMethod: String? = nil, issuedBy: UUID? = nil,
        on db: any Database
    ) async throws -> Prepared {
        let profile = try await InvoicingProfiles.ensure(issuer, app: app, on: db)
        let session = InvoicingSession(tenant: issuer, scope: TenantScope(tenantID: try issuer.requireID(), db: db), profile: profile,
                                       environment: sandbox ? .sandbox : profile.environment, app: app, source: source)
        let validRUC = ruc.flatMap { try? RUC($0) }
        let validDNI = dni.flatMap { try? DNI($0) }
        let customer = validRUC.map { CustomerData(documentType: .ruc, documentNumber: $0.value, name: name, email: email) }
            ?? validDNI.map { CustomerData(documentType: .dni, documentNumber: $0.value, name: name, email: email) }
            ?? CustomerData(documentType: .varios, documentNumber: "-", name: name, email: email)
        let kind: DocumentKind = validRUC == nil ? .boleta : .factura
        var draft = DocumentDraft(
            kind: kind, series: nil, customerID: nil, customer: customer, currency: .pen, issueDate: LimaDate(session.now),
            items: items.map {
                DocumentItem(description: $0.description, quantity: DecimalText.trimmed($0.quantity, maxScale: 10),
                             unitPrice: DecimalText.trimmed($0.unitPrice, maxScale: 10, minScale: 2), unitCode: $0.unitCode,
                             tax: ItemTax(rawValue: $0.tax.rawValue) ?? .gravado, productCode: $0.productCode)
            })
        (draft.paymentMethod, draft.issuedBy) = (paymentMethod, issuedBy)
        guard let series = try await session.defaultSeries(kind, reference: nil, on: db) else {
            throw InvoicingFailure.missing("the platform has no series for \(kind.rawValue)")
        }
        _ = try DraftChecks.check(draft, series: series, profile: profile, creditedBefore: 0, customerPointer: "/customer")
        return Prepared(session: session, draft: draft, series: series, email: email != nil)
    }
}
