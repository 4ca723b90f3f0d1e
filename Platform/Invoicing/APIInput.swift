import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// The API's request bodies, read with every problem at its JSON pointer (see the OpenAPI
/// document for the same rules).
enum APIInput {
    static let seriesPattern = "^[FB][A-Z0-9]{3}$"

    static func body(_ req: Request) throws -> (JSONObjectReader, Data) {
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let value = try JSONValue.parse(data)
        return (JSONObjectReader(value), data)
    }

    static func series(_ reader: JSONObjectReader) -> String? {
        guard let series = reader.string("series", maxLength: 4) else { return nil }
        let valid = series.count == 4 && (series.first == "F" || series.first == "B")
            && series.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        if !valid { reader.log.add(reader.path("series"), .format(seriesPattern)) }
        return valid ? series : nil
    }

    static func uuid(_ reader: JSONObjectReader, _ key: String, required: Bool = false) -> UUID? {
        guard let text = reader.string(key, required: required) else { return nil }
        guard let id = UUID(uuidString: text) else { reader.log.add(reader.path(key), .format("uuid")); return nil }
        return id
    }

    static func items(_ reader: JSONObjectReader, required: Bool) -> [DocumentItem]? {
        guard let readers = reader.objects("items", required: required, minItems: 1, maxItems: 500) else { return nil }
        let items = readers.compactMap(DocumentItem.read)
        return items.count == readers.count ? items : nil
    }

    static func notFound(_ pointer: String, _ what: String) -> InputProblems {
        InputProblems([InputProblem(pointer: pointer, rule: "not_found", message: "no existe \(what) con ese id en este negocio",
                                    messageEn: "there is no \(what) with that id in this business")])
    }

    /// `POST /invoices`: the draft, its series (nil = default), whether to e-mail it, and where
    /// its customer came from.
    struct Invoice {
        var draft: DocumentDraft
        var series: String?
        var sendEmail: Bool
        var customerPointer: String
        var inlineCustomer: Bool
    }

    static func invoice(_ reader: JSONObjectReader, session: InvoicingSession, on db: any Database) async throws -> Invoice {
        let kind = reader.choice("type", in: ["01", "03"], required: true).flatMap(DocumentKind.init(rawValue:))
        let series = series(reader)
        let customerID = uuid(reader, "customer_id")
        let inline = reader.object("customer").flatMap(CustomerData.read)
        let currency = reader.choice("currency", in: ["PEN", "USD"]).flatMap(Currency.init(rawValue:)) ?? .pen
        let issueDate = date(reader, "issue_date", today: LimaDate(session.now))
        let items = items(reader, required: true)
        let sendEmail = reader.bool("send_email") ?? false
        reader.finish()
        if customerID != nil && reader.has("customer") {
            reader.log.add(InputProblem(pointer: "/customer", rule: "one_of", message: "envíe customer_id o customer, no ambos",
                                        messageEn: "send customer_id or customer, not both"))
        }
        try reader.log.throwIfAny()
        guard let kind, let items else { throw InputProblems(reader.log.problems) }
        var customer = inline ?? .anonymous()
        var pointer = "/customer"
        if let customerID {
            guard let saved = try await session.scope.find(InvoiceCustomer.self, customerID) else { throw notFound("/customer_id", "cliente") }
            customer = saved.data
            pointer = "/customer_id"
        }
        let draft = DocumentDraft(kind: kind, series: series, customerID: customerID, customer: customer, currency: currency,
                                  issueDate: issueDate, items: items)
        return Invoice(draft: draft, series: series, sendEmail: sendEmail, customerPointer: pointer, inlineCustomer: inline != nil)
    }

    /// `issue_date`: a date, not in the future (Lima), at most 3 days back as SUNAT accepts facturas.
    static func date(_ reader: JSONObjectReader, _ key: String, today: LimaDate) -> LimaDate {
        guard let text = reader.string(key) else { return today }
        guard let date = LimaDate.parse(text) else { reader.log.add(reader.path(key), .format("YYYY-MM-DD")); return today }
        if date > today || date < today.adding(days: -3) {
            reader.log.add(InputProblem(pointer: reader.path(key), rule: "issue_date_range",
                                        message: "debe ser de hoy o de hasta 3 días atrás", messageEn: "must be today or up to 3 days back"))
        }
        return date
    }

    /// `POST /credit-notes`.
    static func creditNote(_ reader: JSONObjectReader, session: InvoicingSession, on db: any Database) async throws -> (DocumentDraft, String?) {
        try await note(.notaCredito, reader, session: session, on: db)
    }

    /// A credit note (its items default to the whole document) or a debit note (its items, the
    /// extra charge, are required), with its motive from catálogo 09 or 10.
    static func note(_ kind: DocumentKind, _ reader: JSONObjectReader, session: InvoicingSession, on db: any Database) async throws -> (DocumentDraft, String?) {
        let motives = kind == .notaDebito ? DebitNoteMotive.allCases.map(\.rawValue) : CreditNoteMotive.allCases.map(\.rawValue)
        let invoiceID = uuid(reader, "invoice_id", required: true)
        let motive = reader.choice("motive", in: motives, required: true)
        let description = reader.string("description", required: true, maxLength: 250)
        let items = items(reader, required: kind == .notaDebito)
        let series = series(reader)
        reader.finish()
        try reader.log.throwIfAny()
        guard let invoiceID, let motive, let description else { throw InputProblems(reader.log.problems) }
        guard let invoice = try await session.scope.find(InvoiceRecord.self, invoiceID),
              invoice.kind == .factura || invoice.kind == .boleta, invoice.environment == session.environment else {
            throw notFound("/invoice_id", "factura o boleta")
        }
        guard InvoiceStatus.issued.contains(invoice.status) else {
            throw InputProblems([InputProblem(pointer: "/invoice_id", rule: "invalid_state",
                                              message: "solo se corrige con una nota un comprobante emitido y no anulado ni rechazado",
                                              messageEn: "only an issued document that is not voided or rejected can be corrected by a note")])
        }
        var draft = invoice.draft(reference: invoice)
        draft.kind = kind
        draft.series = series
        draft.issueDate = LimaDate(session.now)
        draft.items = items ?? draft.items
        draft.motive = motive
        draft.noteDescription = description
        return (draft, series)
    }
}

extension InvoiceCustomer {
    var data: CustomerData {
        CustomerData(documentType: IdentityDocumentType(rawValue: documentType) ?? .varios, documentNumber: documentNumber,
                     name: name, email: email, phone: phone, address: address)
    }
}
