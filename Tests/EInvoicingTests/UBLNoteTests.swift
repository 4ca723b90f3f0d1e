import EInvoicing
import Foundation
import Shared
import Testing

@Suite("UBL notes: credit and debit notes are schema-valid")
struct UBLNoteTests {
    @Test func creditNoteOnFactura() throws {
        let document = Fixtures.note(.notaCredito, lines: [
            Line(description: "Devolución", quantity: 2, unitValue: 50, discount: 5),
            Line(description: "Libro", quantity: 1, unitValue: 40, affectation: .exonerado),
        ])
        let built = try UBLBuilder.build(document)
        try SchemaValidator.expectValid(built.xml, against: .creditNote)
        let xml = XMLProbe(built.xml)
        #expect(built.fileName == "20100070970-07-FC01-7")
        #expect(xml.text("CreditNote/cbc:ID") == "FC01-7")
        #expect(xml.text("cac:DiscrepancyResponse/cbc:ReferenceID") == "F001-123")
        #expect(xml.text("cac:DiscrepancyResponse/cbc:ResponseCode") == "01")
        #expect(xml.attribute("listURI", of: "cac:DiscrepancyResponse/cbc:ResponseCode") == "urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo09")
        #expect(xml.text("cac:DiscrepancyResponse/cbc:Description") == "Anulación de la operación")
        #expect(xml.text("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == "F001-123")
        #expect(xml.text("cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode") == "01")
        // 2 × 50 − 5 = 95.00, IGV 17.10; exonerado 40.00; payable 152.10.
        #expect(xml.text("CreditNote/cac:TaxTotal/cbc:TaxAmount") == "17.10")
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:PayableAmount") == "152.10")
        #expect(xml.count("cac:CreditNoteLine") == 2)
        #expect(xml.text("cac:CreditNoteLine/cbc:CreditedQuantity") == "2")
        #expect(xml.count("cac:PaymentTerms") == 0)
        #expect(xml.text("CreditNote/cbc:Note") == "SON CIENTO CINCUENTA Y DOS CON 10/100 SOLES")
    }

    @Test func creditNoteOnBoleta() throws {
        let document = Fixtures.note(
            .notaCredito, series: "BC01", motive: CreditNoteMotive.devolucionTotal.code,
            reference: DocumentReference(kind: .boleta, series: "B001", number: 45), customer: Fixtures.person)
        let built = try UBLBuilder.build(document)
        try SchemaValidator.expectValid(built.xml, against: .creditNote)
        #expect(XMLProbe(built.xml).text("cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode") == "03")
        #expect(XMLProbe(built.xml).text("cac:DiscrepancyResponse/cbc:Description") == "Devolución total")
    }

    @Test func creditNoteAdjustingInstallments() throws {
        var document = Fixtures.note(.notaCredito, motive: "13", lines: [Line(description: "Ajuste de cuotas", quantity: 1, unitValue: 0)])
        document.paymentTerms = .credito([Cuota(amount: 500, dueDate: date("2026-06-30"))])
        let built = try UBLBuilder.build(document)
        try SchemaValidator.expectValid(built.xml, against: .creditNote)
        let xml = XMLProbe(built.xml)
        #expect(xml.texts("cac:PaymentTerms/cbc:PaymentMeansID") == ["Credito", "Cuota001"])
        #expect(xml.texts("cac:PaymentTerms/cbc:Amount") == ["500.00", "500.00"])
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:PayableAmount") == "0.00")
    }

    @Test func debitNote() throws {
        var document = Fixtures.note(
            .notaDebito, series: "FD01", motive: DebitNoteMotive.interesesMora.code,
            lines: [Line(description: "Intereses", unitCode: "ZZ", quantity: 1, unitValue: 30, discount: 1)])
        document.adjustments = [GlobalAdjustment(code: .chargeNotAffectingBase, amount: 3)]
        let built = try UBLBuilder.build(document)
        try SchemaValidator.expectValid(built.xml, against: .debitNote)
        let xml = XMLProbe(built.xml)
        #expect(built.fileName == "20100070970-08-FD01-7")
        #expect(xml.text("cac:DiscrepancyResponse/cbc:ResponseCode") == "01")
        #expect(xml.attribute("listName", of: "cac:DiscrepancyResponse/cbc:ResponseCode") == "Tipo de nota de debito")
        #expect(xml.count("cac:LegalMonetaryTotal") == 0)
        // 30 − 1 = 29.00, IGV 5.22, + 3.00 charge = 37.22.
        #expect(xml.text("cac:RequestedMonetaryTotal/cbc:PayableAmount") == "37.22")
        #expect(xml.text("cac:RequestedMonetaryTotal/cbc:ChargeTotalAmount") == "3.00")
        #expect(xml.text("cac:DebitNoteLine/cbc:DebitedQuantity") == "1")
        #expect(xml.text("cac:DebitNoteLine/cac:AllowanceCharge/cbc:Amount") == "1.00")
    }
}
