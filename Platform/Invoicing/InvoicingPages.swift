import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// The web app's documents: `/t/{tenant}/invoices` (history, new, a document and its actions).
/// Customers and the issuer settings have their own controllers.
enum InvoicingPages {
    static func routes(_ app: Application) {
        let pages = app.tenantPages.grouped("invoices")
        pages.get(use: history)
        pages.get("export.csv", use: exportCSV)
        pages.get("new", use: newForm)
        pages.post(use: createDraft)
        pages.get(":id", use: detail)
        pages.get(":id", "edit", use: editForm)
        pages.post(":id", use: updateDraft)
        pages.post(":id", "delete", use: deleteDraft)
        pages.post(":id", "issue", use: issueDraft)
        pages.post(":id", "email", use: email)
        pages.post(":id", "void", use: void)
        // The files answer the same to a member's session as to an API key (InvoicesAPI).
        pages.get(":id", "pdf", use: InvoicesAPI.pdf)
        pages.get(":id", "xml", use: InvoicesAPI.xml)
        pages.get(":id", "cdr", use: InvoicesAPI.cdr)
        CustomerPages.routes(app)
        IssuerSettingsPages.routes(app)
    }

    static func base(_ req: Request) throws -> String { "/t/\(try req.tenantContext.tenant.slug)/invoices" }

    @Sendable static func history(req: Request) async throws -> View {
        try req.require(CorePermission.invoicesRead)
        return try await HistoryPage.render(req)
    }

    @Sendable static func exportCSV(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesRead)
        return try await HistoryPage.csv(req)
    }

    @Sendable static func newForm(req: Request) async throws -> View {
        try req.require(CorePermission.invoicesWrite)
        var form = DocumentForm()
        for (parameter, kind) in [("credit_note_for", DocumentKind.notaCredito), ("debit_note_for", .notaDebito)] {
            if let referenceID = req.query[String.self, at: parameter], let id = UUID(uuidString: referenceID),
               let reference = try await req.tenantScope.find(InvoiceRecord.self, id) {
                form = DocumentFormPage.noteForm(for: reference, kind: kind)
            }
        }
        return try await DocumentFormPage.render(req, form: form, errors: [:], editing: nil)
    }

    @Sendable static func createDraft(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesWrite)
        let form = try req.content.decode(DocumentForm.self)
        let session = try await InvoicingSession.of(req)
        do {
            let (draft, series) = try await DocumentFormPage.draft(form, session: session, on: req.db)
            let record = session.newRecord(draft, series: series)
            try await record.create(on: req.db)
            return req.redirect(to: "\(try base(req))/\(try record.requireID().lowercased)")
        } catch let problems as InputProblems {
            return try await DocumentFormPage.render(req, form: form, errors: problems.formErrors(req.language), editing: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable static func detail(req: Request) async throws -> View {
        try req.require(CorePermission.invoicesRead)
        return try await DocumentPage.render(req, record: try await InvoiceLookup.require(req))
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesWrite)
        let record = try await InvoiceLookup.require(req)
        guard record.status.isEditable else { return req.redirect(to: "\(try base(req))/\(try record.requireID().lowercased)") }
        return try await DocumentFormPage.render(req, form: DocumentFormPage.form(of: record), errors: [:], editing: record)
            .encodeResponse(for: req)
    }

    @Sendable static func updateDraft(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesWrite)
        let record = try await InvoiceLookup.require(req)
        guard record.status.isEditable else {
            throw Abort(.conflict, reason: req.t("invoice.error.not_draft"))
        }
        let form = try req.content.decode(DocumentForm.self)
        let session = try await InvoicingSession.of(req)
        do {
            let (draft, series) = try await DocumentFormPage.draft(form, session: session, on: req.db)
            record.fill(from: draft, series: series)
            session.estimateTotals(of: record, draft: draft, series: series)
            record.updatedAt = session.now
            // Only a draft changes: a concurrent issue that got there first wins.
            try await InvoiceRecord.query(on: req.db).filter(\.$id == record.requireID()).filter(\.$status == .draft)
                .set(\.$documentType, to: record.documentType).set(\.$series, to: series).set(\.$issueDate, to: record.issueDate)
                .set(\.$currency, to: record.currency).set(\.$customerID, to: record.customerID)
                .set(\.$customerDocumentType, to: record.customerDocumentType).set(\.$customerDocumentNumber, to: record.customerDocumentNumber)
                .set(\.$customerName, to: record.customerName).set(\.$customerEmail, to: record.customerEmail)
                .set(\.$customerAddress, to: record.customerAddress).set(\.$itemsJSON, to: record.itemsJSON)
                .set(\.$noteMotive, to: record.noteMotive).set(\.$noteDescription, to: record.noteDescription)
                .set(\.$searchText, to: record.searchText).set(\.$updatedAt, to: record.updatedAt)
                .set(\.$taxableCents, to: record.taxableCents).set(\.$exemptCents, to: record.exemptCents)
                .set(\.$unaffectedCents, to: record.unaffectedCents).set(\.$igvCents, to: record.igvCents)
                .set(\.$totalCents, to: record.totalCents)
                .update()
            return req.redirect(to: "\(try base(req))/\(try record.requireID().lowercased)")
        } catch let problems as InputProblems {
            return try await DocumentFormPage.render(req, form: form, errors: problems.formErrors(req.language), editing: record)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable static func deleteDraft(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesWrite)
        let record = try await InvoiceLookup.require(req)
        guard record.status.isEditable else { throw Abort(.conflict, reason: req.t("invoice.error.not_draft")) }
        try await InvoiceRecord.query(on: req.db).filter(\.$id == record.requireID()).filter(\.$status == .draft).delete()
        return req.redirect(to: "\(try base(req))?deleted=1")
    }

    @Sendable static func issueDraft(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesWrite)
        let record = try await InvoiceLookup.require(req)
        guard record.status.isEditable else { return req.redirect(to: "\(try base(req))/\(try record.requireID().lowercased)") }
        let session = try await InvoicingSession.of(req)
        let reference = try await InvoiceLookup.reference(of: record, scope: session.scope)
        var draft = record.draft(reference: reference)
        // A document carries the day it is issued, not the day its draft was started.
        draft.issueDate = LimaDate(session.now)
        let pointer = record.customerID == nil ? "/customer" : "/customer_id"
        do {
            let credited = try await session.creditedBefore(reference, on: req.db)
            _ = try DraftChecks.check(draft, series: record.series, profile: session.profile, creditedBefore: credited, customerPointer: pointer)
            let issuing = draft
            try await req.db.transaction { tx in
                _ = try await session.issue(issuing, series: record.series, record: record, customerPointer: pointer,
                                            saveCustomer: record.customerID == nil, email: false, on: tx)
            }
        } catch let problems as InputProblems {
            return try await DocumentPage.render(req, record: record, problems: problems.problems.map {
                req.language == .en ? $0.messageEn : $0.message
            }).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))/\(try record.requireID().lowercased)?issued=1")
    }

    @Sendable static func email(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesRead)
        let record = try await InvoiceLookup.require(req)
        struct Form: Content { var email: String?; var format: String? }
        let form = try req.content.decode(Form.self)
        let address = form.email?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? record.customerEmail
        guard record.xml != nil, let address, (try? EmailAddress(address)) != nil else {
            return try await DocumentPage.render(req, record: record, problems: [req.t("invoice.error.email")])
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await InvoiceMail.enqueue(record, email: address, format: form.format.flatMap(InvoicePrinter.Format.init(rawValue:)),
                                      now: req.application.clock.now(), on: req.db)
        return req.redirect(to: "\(try base(req))/\(try record.requireID().lowercased)?emailed=1")
    }

    @Sendable static func void(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesVoid)
        let record = try await InvoiceLookup.require(req)
        struct Form: Content { var reason: String? }
        let reason = (try req.content.decode(Form.self).reason ?? "").trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(reason.count) else {
            return try await DocumentPage.render(req, record: record, problems: [req.t("invoice.error.void_reason")])
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        do {
            try await req.db.transaction { tx in
                try await VoidDispatch.request(record, reason: reason, now: req.application.clock.now(), on: tx)
            }
        } catch let refusal as APIError {
            return try await DocumentPage.render(req, record: record, problems: [refusal.message])
                .encodeResponse(status: .conflict, for: req)
        }
        return req.redirect(to: "\(try base(req))/\(try record.requireID().lowercased)?void=1")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
