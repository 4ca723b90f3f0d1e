import Foundation
import Shared

extension XMLWriter {
    /// An amount with 2 decimals and its `currencyID` (rule 2071: one currency throughout).
    mutating func amount(_ name: String, _ value: Decimal, _ currency: Currency) {
        leaf(name, DecimalText.fixed(value, scale: 2), [("currencyID", currency.code)])
    }

    /// A unit value or price: up to 10 decimals, at least 2.
    mutating func unitAmount(_ name: String, _ value: Decimal, _ currency: Currency) {
        leaf(name, DecimalText.trimmed(value, maxScale: 10, minScale: 2), [("currencyID", currency.code)])
    }

    /// One empty `ext:ExtensionContent`, first in the document: the signer
    /// puts `ds:Signature` there.
    mutating func signatureSlot() {
        element("ext:UBLExtensions") { w in
            w.element("ext:UBLExtension") { w in w.leaf("ext:ExtensionContent", "") }
        }
    }

    mutating func versions(ubl: String, customization: String) {
        leaf("cbc:UBLVersionID", ubl)
        leaf("cbc:CustomizationID", customization, [("schemeAgencyName", UBL.sunat)])
    }

    mutating func issueDateTime(_ document: EInvoiceDocument) {
        leaf("cbc:IssueDate", document.issueDate.iso)
        if let time = document.issueTime { leaf("cbc:IssueTime", time.description) }
    }

    mutating func legends(_ legends: [Legend]) {
        for legend in legends {
            leaf("cbc:Note", legend.text, [("languageLocaleID", legend.code)])
        }
    }

    mutating func documentCurrency(_ currency: Currency) {
        leaf("cbc:DocumentCurrencyCode", currency.code, UBL.currencyCode)
    }

    /// `DiscrepancyResponse` (motive) and `BillingReference` (modified comprobante) of a note.
    mutating func noteReferences(_ document: EInvoiceDocument) {
        guard let note = document.note, let reference = note.reference else { return }
        let isCredit = document.kind == .notaCredito
        element("cac:DiscrepancyResponse") { w in
            w.leaf("cbc:ReferenceID", reference.id)
            w.leaf("cbc:ResponseCode", note.motive ?? "", UBL.catalogue(
                isCredit ? "09" : "10", name: isCredit ? "Tipo de nota de credito" : "Tipo de nota de debito"))
            w.leaf("cbc:Description", NoteValidator.description(of: note, kind: document.kind))
        }
        element("cac:BillingReference") { w in
            w.element("cac:InvoiceDocumentReference") { w in
                w.leaf("cbc:ID", reference.id)
                w.leaf("cbc:DocumentTypeCode", reference.kind.code, UBL.catalogue("01", name: "Tipo de Documento"))
            }
        }
    }
}
