import EInvoicing
import Foundation
import Shared
import Testing

@Suite("Resumen diario (RC) and comunicación de baja (RA)")
struct SummaryTests {
    private static let generated = date("2026-03-03")

    private func summaryLines() throws -> [DailySummaryLine] {
        let sold = try EInvoiceCalculator.calculate(Fixtures.boleta([
            Line(description: "Arroz", quantity: 2, unitPrice: dec("23.60")),
            Line(description: "Libro", quantity: 1, unitValue: 40, affectation: .exonerado),
        ]))
        var anonymousBoleta = Fixtures.boleta([Fixtures.simpleLine], customer: .anonymous())
        anonymousBoleta.number = 46
        let voided = try EInvoiceCalculator.calculate(anonymousBoleta)
        let refund = try EInvoiceCalculator.calculate(Fixtures.note(
            .notaCredito, series: "BC01", reference: DocumentReference(kind: .boleta, series: "B001", number: 45),
            lines: [Line(description: "Arroz", quantity: 1, unitPrice: dec("23.60"))], customer: Fixtures.person))
        return [
            DailySummaryLine(sold, status: .add), DailySummaryLine(voided, status: .void),
            DailySummaryLine(refund, status: .add),
        ]
    }

    @Test func dailySummary() throws {
        let summary = DailySummary(
            issuer: Fixtures.issuer, referenceDate: Fixtures.issueDate, issueDate: Self.generated, sequence: 1,
            lines: try summaryLines())
        let built = try SummaryBuilder.build(summary)
        try SchemaValidator.expectValid(built.xml, against: .summary)
        let xml = XMLProbe(built.xml)
        #expect(built.id == "RC-20260303-1")
        #expect(built.fileName == "20100070970-RC-20260303-1")
        #expect(xml.text("SummaryDocuments/cbc:UBLVersionID") == "2.0")
        #expect(xml.text("SummaryDocuments/cbc:CustomizationID") == "1.1")
        #expect(xml.text("SummaryDocuments/cbc:ReferenceDate") == "2026-03-02")
        #expect(xml.text("SummaryDocuments/cbc:IssueDate") == "2026-03-03")
        #expect(xml.text("cac:AccountingSupplierParty/cbc:CustomerAssignedAccountID") == Fixtures.issuerRUC)
        #expect(xml.texts("sac:SummaryDocumentsLine/cbc:ID") == ["B001-45", "B001-46", "BC01-7"])
        #expect(xml.texts("sac:SummaryDocumentsLine/cbc:DocumentTypeCode") == ["03", "03", "07"])
        #expect(xml.texts("sac:SummaryDocumentsLine/cac:Status/cbc:ConditionCode") == ["1", "3", "1"])
        // The anonymous boleta has no customer block: two customers for three lines.
        #expect(xml.texts("sac:SummaryDocumentsLine/cac:AccountingCustomerParty/cbc:AdditionalAccountID") == ["1", "1"])
        #expect(xml.texts("sac:SummaryDocumentsLine/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == ["B001-45"])
        // Boleta 45: 2 × 23.60 = 47.20 (40.00 + 7.20) + 40.00 exonerado = 87.20.
        #expect(xml.texts("sac:SummaryDocumentsLine/sac:TotalAmount") == ["87.20", "118.00", "23.60"])
        #expect(xml.texts("sac:SummaryDocumentsLine/sac:BillingPayment/cbc:InstructionID") == ["01", "02", "01", "01"])
        #expect(xml.texts("sac:SummaryDocumentsLine/sac:BillingPayment/cbc:PaidAmount") == ["40.00", "40.00", "100.00", "20.00"])
        #expect(xml.texts("sac:SummaryDocumentsLine/cac:TaxTotal/cbc:TaxAmount") == ["7.20", "18.00", "3.60"])
    }

    @Test func dailySummaryRules() throws {
        let lines = try summaryLines()
        func summary(_ lines: [DailySummaryLine], referenceDate: LimaDate = Fixtures.issueDate) -> DailySummary {
            DailySummary(issuer: Fixtures.issuer, referenceDate: referenceDate, issueDate: Self.generated, sequence: 1, lines: lines)
        }
        let factura = try EInvoiceCalculator.calculate(Fixtures.factura([Fixtures.simpleLine]))
        #expect(throws: EInvoiceError.documentKindNotAllowed(field: "lines[0].kind", rule: "2241", kind: .factura)) {
            try SummaryBuilder.build(summary([DailySummaryLine(factura, status: .add)]))
        }
        #expect(throws: EInvoiceError.referenceDateAfterIssueDate(field: "referenceDate", rule: "2671")) {
            try SummaryBuilder.build(summary(lines, referenceDate: date("2026-03-04")))
        }
        #expect(throws: EInvoiceError.tooManyLines(field: "lines", rule: "0158", limit: 500)) {
            try SummaryBuilder.build(summary(Array(repeating: lines[0], count: 501)))
        }
        #expect(throws: EInvoiceError.emptyLines(field: "lines", rule: "XSD")) { try SummaryBuilder.build(summary([])) }
        var orphan = lines[2]
        orphan.reference = nil
        #expect(throws: EInvoiceError.missingReference(field: "lines[0].reference", rule: "2524")) {
            try SummaryBuilder.build(summary([orphan]))
        }
        var precise = lines[0]
        precise.amounts.total = dec("87.205")
        #expect(throws: EInvoiceError.tooManyDecimals(field: "lines[0].amounts.total", rule: "2254", maxDecimals: 2)) {
            try SummaryBuilder.build(summary([precise]))
        }
    }

    @Test func voidedDocuments() throws {
        let voided = VoidedDocuments(
            issuer: Fixtures.issuer, referenceDate: Fixtures.issueDate, issueDate: Self.generated, sequence: 2,
            lines: [
                VoidedLine(kind: .factura, series: "F001", number: 123, reason: "ERROR EN EL RUC & MONTO"),
                VoidedLine(kind: .notaCredito, series: "FC01", number: 7, reason: "DUPLICADO"),
            ])
        let built = try SummaryBuilder.build(voided)
        try SchemaValidator.expectValid(built.xml, against: .voided)
        let xml = XMLProbe(built.xml)
        #expect(built.id == "RA-20260303-2")
        #expect(built.fileName == "20100070970-RA-20260303-2")
        #expect(xml.text("VoidedDocuments/cbc:CustomizationID") == "1.0")
        #expect(xml.texts("sac:VoidedDocumentsLine/cbc:DocumentTypeCode") == ["01", "07"])
        #expect(xml.texts("sac:VoidedDocumentsLine/sac:DocumentSerialID") == ["F001", "FC01"])
        #expect(xml.texts("sac:VoidedDocumentsLine/sac:DocumentNumberID") == ["123", "7"])
        #expect(xml.texts("sac:VoidedDocumentsLine/sac:VoidReasonDescription") == ["ERROR EN EL RUC & MONTO", "DUPLICADO"])
    }

    @Test func boletasAreNotVoidedByCommunication() {
        func voided(_ line: VoidedLine) -> VoidedDocuments {
            VoidedDocuments(issuer: Fixtures.issuer, referenceDate: Fixtures.issueDate, issueDate: Self.generated, sequence: 1, lines: [line])
        }
        #expect(throws: EInvoiceError.documentKindNotAllowed(field: "lines[0].kind", rule: "2308", kind: .boleta)) {
            try SummaryBuilder.build(voided(VoidedLine(kind: .boleta, series: "B001", number: 1, reason: "ERROR")))
        }
        #expect(throws: EInvoiceError.seriesDoesNotMatchDocumentType(field: "lines[0].series", rule: "2308", series: "BC01", kind: .notaCredito)) {
            try SummaryBuilder.build(voided(VoidedLine(kind: .notaCredito, series: "BC01", number: 1, reason: "ERROR")))
        }
        #expect(throws: EInvoiceError.missingText(field: "lines[0].reason", rule: "2319")) {
            try SummaryBuilder.build(voided(VoidedLine(kind: .factura, series: "F001", number: 1, reason: " ")))
        }
    }
}
