import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// One document: what it says, where it stands with SUNAT, and what can be done with it now.
enum DocumentPage {
    struct Item: Encodable {
        let description: String
        let quantity: String
        let unitPrice: String
        let tax: String
        let total: String
    }

    struct Content: Encodable {
        let id: String
        let base: String
        let title: String
        let number: String?
        let status: String
        let statusText: String
        let sandbox: Bool
        let date: String
        let customer: String
        let customerDocument: String
        let customerEmail: String?
        let items: [Item]
        let taxable: String
        let igv: String
        let total: String
        let hash: String?
        let sunatCode: String?
        let sunatDescription: String?
        let sunatNotes: [String]
        let reference: String?
        let referenceHref: String?
        let motive: String?
        let voidReason: String?
        let voidPending: Bool
        let publicLink: String?
        let isDraft: Bool
        let canVoid: Bool
        let canCredit: Bool
        let hasCDR: Bool
        let problems: [String]
        let flash: String?
    }

    static func render(_ req: Request, record: InvoiceRecord, problems: [String] = []) async throws -> View {
        let base = try InvoicingPages.base(req)
        let id = try record.requireID().lowercased
        let currency = Currency(rawValue: record.currency) ?? .pen
        let money = { (cents: Int64) in Money(cents: cents, currency: currency).formatted }
        let reference = try await InvoiceLookup.reference(of: record, scope: try req.tenantScope)
        let flash = ["issued", "emailed", "void"].first { req.query[String.self, at: $0] != nil }.map { req.t("invoice.flash.\($0)") }
        let context = try req.tenantContext
        let registry = req.application.modules
        let content = Content(
            id: id, base: base, title: DocumentLabels.name(record.kind, req.language), number: record.fullNumber,
            status: record.status.rawValue, statusText: req.t("invoice.status.\(record.status.rawValue)"), sandbox: record.isSandbox,
            date: LimaDate.parse(record.issueDate)?.formatted ?? record.issueDate, customer: record.customerName,
            customerDocument: "\(req.t("customer.doc.\(record.customerDocumentType)")) \(record.customerDocumentNumber)",
            customerEmail: record.customerEmail,
            items: DocumentItem.decode(record.itemsJSON).map { item in
                Item(description: item.description, quantity: item.quantity, unitPrice: item.unitPrice, tax: req.t("invoice.tax.\(item.tax.rawValue)"),
                     total: Money.rounded(item.quantityValue * item.unitPriceValue, currency: currency).formatted)
            },
            taxable: money(record.taxableCents), igv: money(record.igvCents), total: money(record.totalCents), hash: record.hash,
            sunatCode: record.sunatCode, sunatDescription: record.sunatDescription,
            sunatNotes: (record.sunatNotes ?? "").split(separator: "\n").map(String.init),
            reference: reference?.fullNumber, referenceHref: try reference.map { "\(base)/\(try $0.requireID().lowercased)" },
            motive: record.noteMotive.flatMap { code in
                record.kind == .notaDebito ? DebitNoteMotive(rawValue: code).map { "\($0.rawValue) — \($0.name)" }
                                           : CreditNoteMotive(rawValue: code).map { "\($0.rawValue) — \($0.name)" }
            },
            voidReason: record.voidReason, voidPending: record.voidReason != nil && record.status != .voided,
            publicLink: record.xml == nil ? nil : PublicDocumentPages.url(record, baseURL: req.application.config.baseURL),
            isDraft: record.status == .draft,
            canVoid: record.status.isAccepted && record.voidReason == nil && context.has(CorePermission.invoicesVoid.id, registry: registry),
            canCredit: [.factura, .boleta].contains(record.kind) && InvoiceStatus.issued.contains(record.status),
            hasCDR: record.cdr != nil, problems: problems, flash: flash)
        return try await req.renderPage("invoicing/document", content, title: "\(content.title) \(content.number ?? "")")
    }
}
