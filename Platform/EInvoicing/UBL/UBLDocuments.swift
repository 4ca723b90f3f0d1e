import Foundation

/// Root elements of the three UBL 2.1 documents, children in XSD sequence order.
enum UBLDocuments {
    static func invoice(_ calculated: CalculatedDocument) -> XMLWriter {
        let document = calculated.document
        var w = XMLWriter()
        w.element("Invoice", UBL.rootAttributes(defaultNamespace: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2")) { w in
            w.signatureSlot()
            w.versions(ubl: "2.1", customization: "2.0")
            w.leaf("cbc:ID", document.id)
            w.issueDateTime(document)
            w.leaf("cbc:InvoiceTypeCode", document.kind.code, invoiceTypeAttributes(calculated.operationType))
            w.legends(calculated.legends)
            w.documentCurrency(document.currency)
            w.parties(document)
            w.paymentTerms(calculated)
            w.globalAdjustments(calculated.totals)
            w.documentTaxTotal(calculated.totals)
            w.monetaryTotal("cac:LegalMonetaryTotal", calculated.totals)
            w.lines(calculated)
        }
        return w
    }

    static func creditNote(_ calculated: CalculatedDocument) -> XMLWriter {
        var w = XMLWriter()
        w.element("CreditNote", UBL.rootAttributes(defaultNamespace: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2")) { w in
            w.noteHeader(calculated)
            w.paymentTerms(calculated)
            w.globalAdjustments(calculated.totals)
            w.documentTaxTotal(calculated.totals)
            w.monetaryTotal("cac:LegalMonetaryTotal", calculated.totals)
            w.lines(calculated)
        }
        return w
    }

    /// Debit notes put AllowanceCharge before PaymentTerms and total in
    /// `RequestedMonetaryTotal`; they carry no forma de pago.
    static func debitNote(_ calculated: CalculatedDocument) -> XMLWriter {
        var w = XMLWriter()
        w.element("DebitNote", UBL.rootAttributes(defaultNamespace: "urn:oasis:names:specification:ubl:schema:xsd:DebitNote-2")) { w in
            w.noteHeader(calculated)
            w.globalAdjustments(calculated.totals)
            w.documentTaxTotal(calculated.totals)
            w.monetaryTotal("cac:RequestedMonetaryTotal", calculated.totals)
            w.lines(calculated)
        }
        return w
    }

    /// Catalogue 01 for the code, catalogue 51 (operation type) in `listID`.
    private static func invoiceTypeAttributes(_ operation: OperationType) -> XMLWriter.Attributes {
        UBL.catalogue("01", name: "Tipo de Documento") + [
            ("listID", operation.code), ("name", "Tipo de Operacion"),
            ("listSchemeURI", "urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo51"),
        ]
    }
}

extension XMLWriter {
    fileprivate mutating func parties(_ document: EInvoiceDocument) {
        signatureReference(document.issuer)
        supplierParty(document.issuer)
        customerParty(document.customer)
    }

    fileprivate mutating func noteHeader(_ calculated: CalculatedDocument) {
        let document = calculated.document
        signatureSlot()
        versions(ubl: "2.1", customization: "2.0")
        leaf("cbc:ID", document.id)
        issueDateTime(document)
        legends(calculated.legends)
        documentCurrency(document.currency)
        noteReferences(document)
        parties(document)
    }

    fileprivate mutating func lines(_ calculated: CalculatedDocument) {
        let shape = LineShape.of(calculated.document.kind)
        for line in calculated.lines {
            documentLine(line, shape: shape, currency: calculated.document.currency)
        }
    }
}
