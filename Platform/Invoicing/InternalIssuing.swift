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
        public let description: String
        public let quantity: Decimal
        public let unitPrice: Decimal

        public init(description: String, quantity: Decimal, unitPrice: Decimal) {
            self.description = description
            self.quantity = quantity
            self.unitPrice = unitPrice
        }
    }

    /// Issues a factura to a customer with a valid RUC, a boleta otherwise, from `issuer`, and
    /// queues its mail to `email`. Returns the document's id.
    /// `then` runs in the issuing transaction with the new document's id (to link it, at most once).
    public static func issue(
        from issuer: Tenant, toRUC ruc: String?, name: String, email: String?, items: [Item], app: Application, on db: any Database,
        then: @escaping @Sendable (UUID, any Database) async throws -> Void = { _, _ in }
    ) async throws -> UUID {
        let profile = try await InvoicingProfiles.ensure(issuer, app: app, on: db)
        let session = InvoicingSession(tenant: issuer, scope: TenantScope(tenantID: try issuer.requireID(), db: db), profile: profile,
                                       environment: profile.environment, app: app, source: "platform")
        let validRUC = ruc.flatMap { try? RUC($0) }
        let customer = validRUC.map { CustomerData(documentType: .ruc, documentNumber: $0.value, name: name, email: email) }
            ?? CustomerData(documentType: .varios, documentNumber: "-", name: name, email: email)
        let kind: DocumentKind = validRUC == nil ? .boleta : .factura
        let draft = DocumentDraft(
            kind: kind, series: nil, customerID: nil, customer: customer, currency: .pen, issueDate: LimaDate(session.now),
            items: items.map { DocumentItem(description: $0.description, quantity: DecimalText.trimmed($0.quantity, maxScale: 10),
                                            unitPrice: DecimalText.fixed($0.unitPrice, scale: 2), unitCode: "ZZ", tax: .gravado) })
        guard let series = try await session.defaultSeries(kind, reference: nil, on: db) else {
            throw InvoicingFailure.missing("the platform has no series for \(kind.rawValue)")
        }
        _ = try DraftChecks.check(draft, series: series, profile: profile, creditedBefore: 0, customerPointer: "/customer")
        let record = try await db.transaction { tx in
            let issued = try await session.issue(draft, series: series, customerPointer: "/customer", saveCustomer: true,
                                                 email: email != nil, on: tx)
            try await then(try issued.requireID(), tx)
            return issued
        }
        return try record.requireID()
    }
}
