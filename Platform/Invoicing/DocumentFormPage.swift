import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// The new/edit form of a document and the reading of what it posts.
enum DocumentFormPage {

    struct Content: Encodable {
        let action: String
        let title: String
        let isNote: Bool
        let referenceID: String?
        let referenceNumber: String?
        let types: [SelectOption]
        let series: [SelectOption]
        let customers: [SelectOption]
        let documentTypes: [SelectOption]
        let currencies: [SelectOption]
        let motives: [SelectOption]
        let taxes: [SelectOption]
        let form: DocumentForm
        let rows: [DocumentForm.Row]
        let errors: [String: String]
        let sandbox: Bool
    }

    /// Reads the posted form into a draft and its series (the type's first one when none is chosen).
    static func draft(_ form: DocumentForm, session: InvoicingSession, on db: any Database) async throws -> (DocumentDraft, String) {
        let reader = JSONObjectReader(form.json)
        var draft: DocumentDraft
        if form.isNote {
            draft = try await APIInput.note(form.noteKind, reader, session: session, on: db).0
        } else {
            draft = try await APIInput.invoice(reader, session: session, on: db).draft
        }
        var chosen = draft.series
        if chosen == nil { chosen = try await session.defaultSeries(draft.kind, reference: draft.reference, on: db) }
        guard let series = chosen else {
            throw InputProblems([InputProblem(pointer: "/series", rule: "unknown_series", message: "no hay series para este tipo",
                                              messageEn: "there is no series for this type")])
        }
        let known = try await InvoicingProfiles.series(of: draft.kind, tenantID: session.scope.tenantID, environment: session.environment, on: db)
        guard known.contains(where: { $0.series == series }) else {
            throw InputProblems([InputProblem(pointer: "/series", rule: "unknown_series", message: "la serie \(series) no existe para este tipo",
                                              messageEn: "series \(series) does not exist for this type")])
        }
        draft.series = series
        return (draft, series)
    }

    static func form(of record: InvoiceRecord) -> DocumentForm {
        let items = DocumentItem.decode(record.itemsJSON)
        return DocumentForm(
            type: record.documentType, series: record.series, customer_id: record.customerID?.lowercased,
            customer_document_type: record.customerDocumentType, customer_document_number: record.customerDocumentNumber,
            customer_name: record.customerName, customer_email: record.customerEmail, customer_address: record.customerAddress,
            currency: record.currency, issue_date: record.issueDate, description: items.map(\.description),
            quantity: items.map(\.quantity), unit_price: items.map(\.unitPrice), unit_code: items.map(\.unitCode),
            tax: items.map(\.tax.rawValue), reference_id: record.referenceID?.lowercased,
            note_type: record.kind.isNote ? record.documentType : nil, motive: record.noteMotive,
            note_description: record.noteDescription)
    }

    /// A credit note of `reference` (its items, to keep or trim) or a debit note (the charge to add).
    static func noteForm(for reference: InvoiceRecord, kind: DocumentKind) -> DocumentForm {
        var form = kind == .notaCredito ? form(of: reference) : DocumentForm()
        form.reference_id = reference.id?.lowercased
        form.note_type = kind.rawValue
        form.type = kind.rawValue
        form.series = nil
        form.motive = kind == .notaCredito ? CreditNoteMotive.anulacionOperacion.rawValue : DebitNoteMotive.interesesMora.rawValue
        form.note_description = nil
        return form
    }

    static func render(_ req: Request, form: DocumentForm, errors: [String: String], editing: InvoiceRecord?) async throws -> View {
        let session = try await InvoicingSession.of(req)
        let scope = session.scope
        let base = try InvoicingPages.base(req)
        let reference: InvoiceRecord? = try await scope.find(InvoiceRecord.self, form.reference_id.flatMap(UUID.init(uuidString:)))
        let kind = form.isNote ? form.noteKind : (form.type.flatMap(DocumentKind.init(rawValue:)) ?? .factura)
        let allSeries = try await InvoiceSeries.query(on: req.db).filter(\.$tenantID == scope.tenantID)
            .filter(\.$environment == session.environment).sort(\.$position).all()
            .filter { form.isNote ? $0.documentType == kind.rawValue && $0.series.first == reference?.series.first
                                  : ["01", "03"].contains($0.documentType) }
        let customers = try await scope.query(InvoiceCustomer.self).sort(\.$name).limit(500).all()
        var rows = form.itemRows
        for (field, message) in errors where field.hasPrefix("items_") {
            let parts = field.split(separator: "_")
            if parts.count >= 3, let index = Int(parts[1]), index < rows.count {
                rows[index].errors[parts.dropFirst(2).joined(separator: "_")] = message
            }
        }
        let shown = max(3, rows.count + 1)
        while rows.count < shown { rows.append(DocumentForm.Row()) }
        let option = { (value: String, label: String, chosen: String?) in SelectOption(value: value, label: label, selected: value == chosen) }
        let content = Content(
            action: editing.flatMap { $0.id.map { "\(base)/\($0.lowercased)" } } ?? base,
            title: req.t(editing == nil ? (form.isNote ? (kind == .notaDebito ? "invoice.new_debit_note" : "invoice.new_note") : "invoice.new") : "invoice.edit"),
            isNote: form.isNote, referenceID: form.reference_id, referenceNumber: reference?.fullNumber,
            types: [option("01", req.t("invoice.type.01"), kind.rawValue), option("03", req.t("invoice.type.03"), kind.rawValue)],
            series: allSeries.map { option($0.series, "\($0.series) (\(req.t("invoice.type.\($0.documentType)")))", form.series) },
            customers: customers.compactMap { customer in
                customer.id.map { option($0.lowercased, "\(customer.name) — \(customer.documentNumber)", form.customer_id) }
            },
            documentTypes: CustomerData.documentTypes.map { option($0.rawValue, req.t("customer.doc.\($0.rawValue)"), form.customer_document_type ?? "6") },
            currencies: ["PEN", "USD"].map { option($0, $0, form.currency ?? "PEN") },
            motives: kind == .notaDebito
                ? DebitNoteMotive.allCases.map { option($0.rawValue, "\($0.rawValue) — \($0.name)", form.motive) }
                : CreditNoteMotive.allCases.map { option($0.rawValue, "\($0.rawValue) — \($0.name)", form.motive) },
            taxes: ItemTax.allCases.map { option($0.rawValue, req.t("invoice.tax.\($0.rawValue)"), nil) },
            form: form, rows: rows, errors: errors, sandbox: session.environment == .sandbox)
        return try await req.renderPage("invoicing/form", content, title: content.title)
    }
}
