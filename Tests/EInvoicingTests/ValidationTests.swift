import EInvoicing
import Foundation
import Shared
import Testing

/// Bad input gives a typed error naming the field and the SUNAT rule, never XML.
@Suite("Validation: bad input is refused with a typed error")
struct ValidationTests {
    private func expectError(
        _ expected: EInvoiceError, sourceLocation: SourceLocation = #_sourceLocation, _ document: EInvoiceDocument
    ) {
        #expect(throws: expected, sourceLocation: sourceLocation) { try UBLBuilder.build(document) }
    }

    // MARK: Parties

    @Test func facturaNeedsACustomerWithRUC() {
        var document = Fixtures.factura([Fixtures.simpleLine])
        document.customer = Fixtures.person
        expectError(.customerMustHaveRUC(field: "customer.documentType", rule: "2800"), document)
    }

    @Test func invalidRUCsAreRefusedWithSharedsReason() {
        var document = Fixtures.factura([Fixtures.simpleLine])
        document.issuer.ruc = "20100070971"
        expectError(.invalidRUC(field: "issuer.ruc", rule: "1007", reason: .badCheckDigit), document)
        document = Fixtures.factura([Fixtures.simpleLine])
        document.customer.number = "2013131295"
        expectError(.invalidRUC(field: "customer.number", rule: "2017", reason: .wrongLength(expected: 11)), document)
    }

    @Test func dniMustHaveEightDigits() {
        let customer = Customer(documentType: .dni, number: "1234567", name: "JUAN")
        expectError(.invalidCustomerDocument(field: "customer.number", rule: "2801"),
                    Fixtures.boleta([Fixtures.simpleLine], customer: customer))
    }

    @Test func boletaAbove700NeedsTheBuyer() throws {
        // Price 700.00: value 593.22 + IGV 106.78 = 700.00, still allowed anonymously.
        _ = try UBLBuilder.build(Fixtures.boleta(
            [Line(description: "TV", quantity: 1, unitPrice: 700)], customer: .anonymous()))
        // Price 700.01: 593.23 + 106.78 = 700.01.
        expectError(.buyerIdentificationRequired(field: "customer.documentType", rule: "RCP-700", limit: 700),
                    Fixtures.boleta([Line(description: "TV", quantity: 1, unitPrice: dec("700.01"))], customer: .anonymous()))
        _ = try UBLBuilder.build(Fixtures.boleta([Line(description: "TV", quantity: 1, unitPrice: dec("700.01"))]))
    }

    @Test func foreignCurrencyBoletaAlwaysNeedsTheBuyer() {
        expectError(.buyerIdentificationRequired(field: "customer.documentType", rule: "RCP-700", limit: 0),
                    Fixtures.boleta([Line(description: "Souvenir", quantity: 1, unitValue: 5)], customer: .anonymous(), currency: .usd))
    }

    @Test func exportCustomerCannotUseRUC() {
        let document = Fixtures.factura([Line(description: "Café", quantity: 1, unitValue: 8, affectation: .exportacion)])
        expectError(.customerMustNotHaveRUC(field: "customer.documentType", rule: "2800"), document)
    }

    // MARK: Numbering

    @Test(arguments: [
        (DocumentKind.factura, "B001"), (.factura, "F01"), (.factura, "f001"), (.factura, "0001"),
        (.boleta, "F001"), (.notaCredito, "XC01"),
    ])
    func seriesMustMatchTheDocumentType(kind: DocumentKind, series: String) {
        var document = kind == .notaCredito ? Fixtures.note(.notaCredito) : Fixtures.factura([Fixtures.simpleLine])
        document.kind = kind
        document.series = series
        if kind == .boleta { document.customer = Fixtures.person }
        expectError(.seriesDoesNotMatchDocumentType(field: "series", rule: "1001", series: series, kind: kind), document)
    }

    @Test(arguments: [0, 100_000_000])
    func numberMustFitEightDigits(number: Int) {
        expectError(.invalidNumber(field: "number", rule: "1001"), Fixtures.factura([Fixtures.simpleLine], number: number))
    }

    // MARK: Lines

    @Test func emptyLines() {
        expectError(.emptyLines(field: "lines", rule: "XSD"), Fixtures.factura([]))
    }

    @Test(arguments: ["0", "-1", "-0.5"])
    func quantityMustBePositive(quantity: String) {
        expectError(.nonPositiveQuantity(field: "lines[0].quantity", rule: "2024"),
                    Fixtures.factura([Line(description: "X", quantity: dec(quantity), unitValue: 1)]))
    }

    @Test func quantitiesAndUnitValuesAllowTenDecimals() throws {
        _ = try UBLBuilder.build(Fixtures.factura([Line(description: "X", quantity: dec("1.0000000001"), unitValue: dec("2.1234567891"))]))
        expectError(.tooManyDecimals(field: "lines[0].quantity", rule: "2025", maxDecimals: 10),
                    Fixtures.factura([Line(description: "X", quantity: dec("1.00000000001"), unitValue: 1)]))
        expectError(.tooManyDecimals(field: "lines[0].unitValue", rule: "2369", maxDecimals: 10),
                    Fixtures.factura([Line(description: "X", quantity: 1, unitValue: dec("2.12345678912"))]))
        expectError(.tooManyDecimals(field: "lines[0].unitPrice", rule: "2369", maxDecimals: 10),
                    Fixtures.factura([Line(description: "X", quantity: 1, unitPrice: dec("2.12345678912"))]))
    }

    @Test func amountsAllowTwoDecimals() {
        expectError(.tooManyDecimals(field: "lines[0].discount", rule: "2955", maxDecimals: 2),
                    Fixtures.factura([Line(description: "X", quantity: 1, unitValue: 10, discount: dec("1.005"))]))
        expectError(.tooManyDecimals(field: "adjustments[0].amount", rule: "2968", maxDecimals: 2),
                    Fixtures.factura([Fixtures.simpleLine], adjustments: [GlobalAdjustment(code: .discountAffectingBase, amount: dec("5.001"))]))
        expectError(.tooManyDecimals(field: "paymentTerms.cuotas[0].amount", rule: "3254", maxDecimals: 2),
                    Fixtures.factura([Fixtures.simpleLine], paymentTerms: .credito([Cuota(amount: dec("118.001"), dueDate: date("2026-04-01"))])))
    }

    @Test func unitValueOrPriceExactlyOnce() {
        expectError(.missingUnitValue(field: "lines[0].unitValue", rule: "2369"),
                    Fixtures.factura([Line(description: "X", quantity: 1)]))
        expectError(.conflictingUnitValues(field: "lines[0].unitPrice", rule: "2369"),
                    Fixtures.factura([Line(description: "X", quantity: 1, unitValue: 10, unitPrice: dec("11.80"))]))
        expectError(.negativeAmount(field: "lines[0].unitValue", rule: "2369"),
                    Fixtures.factura([Line(description: "X", quantity: 1, unitValue: -1)]))
    }

    @Test func discountsCannotExceedWhatTheyDiscount() {
        expectError(.discountExceedsValue(field: "lines[0].discount", rule: "3271"),
                    Fixtures.factura([Line(description: "X", quantity: 1, unitValue: 10, discount: dec("10.01"))]))
        expectError(.discountExceedsValue(field: "adjustments[0].amount", rule: "3277"),
                    Fixtures.factura([Fixtures.simpleLine], adjustments: [GlobalAdjustment(code: .discountAffectingBase, amount: dec("100.01"))]))
        expectError(.discountExceedsValue(field: "adjustments[0].amount", rule: "3280"),
                    Fixtures.factura([Fixtures.simpleLine], adjustments: [GlobalAdjustment(code: .discountNotAffectingBase, amount: dec("118.01"))]))
        let exonerated = Line(description: "Libro", quantity: 1, unitValue: 40, affectation: .exonerado)
        expectError(.notAllowed(field: "adjustments[0].code", rule: "3277"),
                    Fixtures.factura([exonerated], adjustments: [GlobalAdjustment(code: .discountAffectingBase, amount: 1)]))
    }

    @Test func textWithControlCharactersIsRefused() {
        expectError(.invalidCharacters(field: "lines[0].description", rule: "XML"),
                    Fixtures.factura([Line(description: "Caja\u{0}", quantity: 1, unitValue: 1)]))
        expectError(.missingText(field: "lines[0].description", rule: "2027"),
                    Fixtures.factura([Line(description: "   ", quantity: 1, unitValue: 1)]))
        expectError(.invalidCode(field: "lines[0].unitCode", rule: "2936", value: "kg"),
                    Fixtures.factura([Line(description: "Arroz", unitCode: "kg", quantity: 1, unitValue: 1)]))
    }

    @Test func exportLinesNeedAnExportOperation() {
        let lines = [Fixtures.simpleLine, Line(description: "Café", quantity: 1, unitValue: 8, affectation: .exportacion)]
        expectError(.operationTypeMismatch(field: "lines[1].affectation", rule: "3107"), Fixtures.factura(lines))
    }

    // MARK: Currency

    @Test func amountsInAnotherCurrencyAreRefused() {
        expectError(.currencyMismatch(field: "paymentTerms.cuotas[0].currency", rule: "2071", expected: .pen, found: .usd),
                    Fixtures.factura([Fixtures.simpleLine], paymentTerms: .credito([Cuota(amount: 118, dueDate: date("2026-04-01"), currency: .usd)])))
        expectError(.currencyMismatch(field: "adjustments[0].currency", rule: "2071", expected: .usd, found: .pen),
                    Fixtures.factura([Fixtures.simpleLine], currency: .usd, adjustments: [GlobalAdjustment(code: .discountNotAffectingBase, amount: 1, currency: .pen)]))
        expectError(.currencyMismatch(field: "declared.currency", rule: "2071", expected: .pen, found: .usd),
                    Fixtures.factura([Fixtures.simpleLine], declared: DeclaredTotals(currency: .usd, payableAmount: 118)))
    }

    // MARK: Payment terms

    @Test func creditTermsNeedFutureInstallments() {
        expectError(.missingInstallments(field: "paymentTerms.cuotas", rule: "3249"),
                    Fixtures.factura([Fixtures.simpleLine], paymentTerms: .credito([])))
        expectError(.installmentDueDateNotAfterIssueDate(field: "paymentTerms.cuotas[0].dueDate", rule: "3267"),
                    Fixtures.factura([Fixtures.simpleLine], paymentTerms: .credito([Cuota(amount: 118, dueDate: Fixtures.issueDate)])))
    }

    // MARK: Notes

    @Test func notesNeedReferenceAndMotive() {
        expectError(.missingReference(field: "note.reference", rule: "2524"), Fixtures.note(.notaCredito, reference: nil))
        var withoutNote = Fixtures.note(.notaDebito)
        withoutNote.note = nil
        expectError(.missingReference(field: "note.reference", rule: "2524"), withoutNote)
        expectError(.missingMotive(field: "note.motive", rule: "2128"), Fixtures.note(.notaCredito, motive: nil))
        expectError(.missingMotive(field: "note.motive", rule: "2173"), Fixtures.note(.notaDebito, series: "FD01", motive: " "))
        expectError(.invalidMotive(field: "note.motive", rule: "2172", value: "14"), Fixtures.note(.notaCredito, motive: "14"))
        // 04 (descuento global) exists only for credit notes.
        expectError(.invalidMotive(field: "note.motive", rule: "2172", value: "04"), Fixtures.note(.notaDebito, motive: "04"))
    }

    @Test func noteSeriesLetterMatchesTheModifiedDocument() {
        expectError(.referenceTypeMismatch(field: "note.reference.kind", rule: "2116"),
                    Fixtures.note(.notaCredito, reference: DocumentReference(kind: .boleta, series: "B001", number: 1)))
        expectError(.referenceTypeMismatch(field: "note.reference.kind", rule: "2399"),
                    Fixtures.note(.notaCredito, series: "BC01", customer: Fixtures.person))
        expectError(.invalidCode(field: "note.reference.series", rule: "2117", value: "B001"),
                    Fixtures.note(.notaCredito, reference: DocumentReference(kind: .factura, series: "B001", number: 1)))
        expectError(.documentKindNotAllowed(field: "note.reference.kind", rule: "2116", kind: .notaCredito),
                    Fixtures.note(.notaCredito, reference: DocumentReference(kind: .notaCredito, series: "FC01", number: 1)))
    }

    @Test func noteOnlyWhereItBelongs() {
        var factura = Fixtures.factura([Fixtures.simpleLine])
        factura.note = NoteDetails(reference: DocumentReference(kind: .factura, series: "F001", number: 1), motive: "01")
        expectError(.notAllowed(field: "note", rule: "XSD"), factura)
        var debit = Fixtures.note(.notaDebito, series: "FD01")
        debit.paymentTerms = .contado
        expectError(.notAllowed(field: "paymentTerms", rule: "FormaPago"), debit)
        expectError(.missingInstallments(field: "paymentTerms", rule: "3257"), Fixtures.note(.notaCredito, motive: "13"))
    }

    // MARK: Messages

    @Test func errorsCarryFieldRuleAndBothLanguages() {
        let error = EInvoiceError.customerMustHaveRUC(field: "customer.documentType", rule: "2800")
        #expect(error.field == "customer.documentType")
        #expect(error.rule == "2800")
        #expect(error.message.contains("factura") && error.message.contains("RUC"))
        #expect(error.messageEn.contains("factura") && error.messageEn.contains("RUC"))
        let mismatch = EInvoiceError.installmentsSumMismatch(field: "paymentTerms.cuotas", rule: "3319", expected: 118, actual: 109)
        #expect(mismatch.message.contains("109.00") && mismatch.message.contains("118.00"))
        let ruc = EInvoiceError.invalidRUC(field: "issuer.ruc", rule: "1007", reason: .badCheckDigit)
        #expect(ruc.message == "issuer.ruc: El RUC no es válido: el dígito verificador no coincide")
        let usd = EInvoiceError.buyerIdentificationRequired(field: "customer.documentType", rule: "RCP-700", limit: 0)
        #expect(usd.message.contains("moneda extranjera") && usd.messageEn.contains("foreign currency"))
        let pen = EInvoiceError.buyerIdentificationRequired(field: "customer.documentType", rule: "RCP-700", limit: 700)
        #expect(pen.message.contains("S/ 700.00") && pen.messageEn.contains("S/ 700.00"))
    }
}
