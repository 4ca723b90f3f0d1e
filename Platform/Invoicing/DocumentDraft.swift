import EInvoicing
import Foundation
import Shared

/// What a document says before it is issued: from the web form, the API, or a draft row.
struct DocumentDraft: Sendable {
    var kind: DocumentKind
    var series: String?
    var customerID: UUID?
    var customer: CustomerData
    var currency: Currency
    var issueDate: LimaDate
    var items: [DocumentItem]
    /// Notes only: the document corrected, the motive (catálogo 09/10) and its description.
    var reference: InvoiceRecord?
    var motive: String?
    var noteDescription: String?
    /// For the sales report: how it was paid and who sold (a note keeps its document's).
    var paymentMethod: String? = nil
    var issuedBy: UUID? = nil

    /// The engine's document for this draft, numbered `number`, issued by `profile`.
    func engineDocument(number: Int, series: String, profile: InvoicingProfile) -> EInvoiceDocument {
        EInvoiceDocument(
            kind: kind, series: series, number: number, issueDate: issueDate, currency: currency,
            issuer: profile.issuer, customer: customer.engineCustomer, lines: items.map(\.engineLine),
            note: reference.map { reference in
                NoteDetails(reference: DocumentReference(kind: reference.kind, series: reference.series, number: reference.number ?? 0),
                            motive: motive, description: noteDescription)
            })
    }
}

extension InvoicingProfile {
    var issuer: Issuer {
        let text = { (value: String) -> String? in value.isEmpty ? nil : value }
        return Issuer(ruc: ruc, legalName: legalName, tradeName: tradeName,
                      address: IssuerAddress(ubigeo: text(ubigeo), establishmentCode: establishmentCode.isEmpty ? "0000" : establishmentCode,
                                             line: text(addressLine), district: text(district), province: text(province),
                                             department: text(department)))
    }
}

extension InvoiceRecord {
    /// The draft this row holds (for drafts) or was issued from.
    func draft(reference: InvoiceRecord?) -> DocumentDraft {
        DocumentDraft(
            kind: kind, series: series, customerID: customerID,
            customer: CustomerData(documentType: IdentityDocumentType(rawValue: customerDocumentType) ?? .varios,
                                   documentNumber: customerDocumentNumber, name: customerName, email: customerEmail,
                                   address: customerAddress),
            currency: Currency(rawValue: currency) ?? .pen, issueDate: LimaDate.parse(issueDate) ?? LimaDate(Date()),
            items: DocumentItem.decode(itemsJSON), reference: reference, motive: noteMotive, noteDescription: noteDescription,
            paymentMethod: paymentMethod, issuedBy: issuedBy)
    }

    /// Copies the draft's content into the row (a new draft, or an edited one).
    func fill(from draft: DocumentDraft, series: String) {
        documentType = draft.kind.rawValue
        self.series = series
        issueDate = draft.issueDate.iso
        currency = draft.currency.rawValue
        customerID = draft.customerID
        customerDocumentType = draft.customer.documentType.rawValue
        customerDocumentNumber = draft.customer.documentNumber
        customerName = draft.customer.name
        customerEmail = draft.customer.email
        customerAddress = draft.customer.address
        itemsJSON = DocumentItem.encode(draft.items)
        referenceID = draft.reference?.id
        noteMotive = draft.motive
        noteDescription = draft.noteDescription
        paymentMethod = draft.paymentMethod
        issuedBy = draft.issuedBy
        refreshSearchText()
    }

    func refreshSearchText() {
        let items = DocumentItem.decode(itemsJSON).map(\.description)
        // The number also split at its dash, so that full-text search finds "F001-12" by "f001 12".
        let number = fullNumber.map { "\($0) \($0.replacingOccurrences(of: "-", with: " "))" } ?? series
        // And the e-mail in words: PostgreSQL's parser keeps an address as one token.
        let email = customerEmail.map { "\($0) \($0.map { $0.isLetter || $0.isNumber ? $0 : " " }.map(String.init).joined())" } ?? ""
        searchText = SearchText.normalize([number, customerName, customerDocumentNumber, email] + items)
    }
}
