import EInvoicing
import Foundation
import Shared
import Testing

@Suite("Arithmetic: every amount computed by the engine")
struct ArithmeticTests {
    @Test func mixedGravadoExoneradoInafectoGratuito() throws {
        let document = Fixtures.factura([
            Line(description: "Gravado", quantity: 2, unitValue: 50),
            Line(description: "Exonerado", quantity: 1, unitValue: 40, affectation: .exonerado),
            Line(description: "Inafecto", quantity: 3, unitValue: dec("10.50"), affectation: .inafecto),
            Line(description: "Bonificación", quantity: 1, unitValue: 20, affectation: .gravadoBonificacion),
            Line(description: "Muestra", quantity: 2, unitValue: 5, affectation: .inafectoRetiroBonificacion),
        ])
        let calculated = try EInvoiceCalculator.calculate(document)
        let totals = calculated.totals
        // Gravado 2 × 50 = 100.00, IGV 100 × 0.18 = 18.00.
        // Exonerado 40.00; inafecto 3 × 10.50 = 31.50.
        // Free: bonificación 20.00 (IGV shown 3.60, not charged) + muestra 2 × 5 = 10.00 (no IGV) = 30.00.
        // LineExtension = 100 + 40 + 31.50 = 171.50 (free lines excluded); + IGV 18 = 189.50 payable.
        #expect(totals.taxedAmount == dec("100.00"))
        #expect(totals.exoneratedAmount == dec("40.00"))
        #expect(totals.unaffectedAmount == dec("31.50"))
        #expect(totals.freeAmount == dec("30.00"))
        #expect(totals.freeIGV == dec("3.60"))
        #expect(totals.igv == dec("18.00"))
        #expect(totals.taxAmount == dec("18.00"))
        #expect(totals.lineExtensionAmount == dec("171.50"))
        #expect(totals.taxInclusiveAmount == dec("189.50"))
        #expect(totals.payableAmount == dec("189.50"))
        #expect(totals.subtotals.map(\.scheme) == [.igv, .exonerado, .inafecto, .gratuito])
        #expect(totals.subtotal(.gratuito)?.taxAmount == dec("3.60"))
        #expect(calculated.legends == [
            Legend(code: "1000", text: "SON CIENTO OCHENTA Y NUEVE CON 50/100 SOLES"),
            Legend(code: "1002", text: Legend.freeTransferText),
        ])
        let free = calculated.lines[3]
        #expect(free.lineValue == dec("20.00"))
        #expect(free.priceAmount == 0)
        #expect(free.referencePrice == 20)
        #expect(free.referencePriceType == "02")
        #expect(free.igv == dec("3.60"))
        #expect(free.chargedIGV == 0)
        #expect(calculated.lines[4].igv == 0)
    }

    /// A price with IGV is what the customer pays: 10.00 splits into 8.47 + 1.53 (IGV within
    /// SUNAT's ±1 tolerance of 8.47 × 18 % = 1.5246), never into 8.47 + 1.52 = 9.99.
    @Test(arguments: [("10.00", 1, "8.47", "1.53"), ("100.00", 1, "84.75", "15.25"), ("0.50", 10, "4.24", "0.76"),
                      ("23.60", 2, "40.00", "7.20")])
    func aPriceWithIGVAddsUpToWhatTheCustomerPays(price: String, quantity: Int, value: String, igv: String) throws {
        let calculated = try EInvoiceCalculator.calculate(Fixtures.factura([
            Line(description: "Item", quantity: Decimal(quantity), unitPrice: dec(price)),
        ]))
        #expect(calculated.totals.taxedAmount == dec(value))
        #expect(calculated.totals.igv == dec(igv))
        #expect(calculated.totals.payableAmount == dec(price) * Decimal(quantity))
        #expect(abs(calculated.totals.igv - dec(value) * dec("0.18")) <= 1)
    }

    @Test func unitPriceWithIGVIsSplitTo10Decimals() throws {
        let calculated = try EInvoiceCalculator.calculate(Fixtures.factura([
            Line(description: "Gaseosa", quantity: 3, unitPrice: dec("11.80")),
            Line(description: "Pan", quantity: 7, unitPrice: dec("2.50")),
        ]))
        let (soda, bread) = (calculated.lines[0], calculated.lines[1])
        // 11.80 / 1.18 = 10 exactly; 3 × 10 = 30.00, IGV 5.40.
        #expect(soda.unitValue == 10)
        #expect(soda.lineValue == dec("30.00"))
        #expect(soda.igv == dec("5.40"))
        #expect(soda.referencePrice == dec("11.80"))
        // 2.50 / 1.18 = 2.11864406779661… → 2.1186440678 (10 decimals, half-up).
        // 7 × 2.1186440678 = 14.8305084746 → 14.83; IGV 14.83 × 0.18 = 2.6694 → 2.67; 14.83 + 2.67 = 17.50.
        #expect(bread.unitValue == dec("2.1186440678"))
        #expect(bread.lineValue == dec("14.83"))
        #expect(bread.igv == dec("2.67"))
        #expect(bread.referencePrice == dec("2.50"))
        // Document: 30.00 + 14.83 = 44.83 taxed, IGV 5.40 + 2.67 = 8.07, payable 52.90 = 3 × 11.80 + 7 × 2.50.
        #expect(calculated.totals.taxedAmount == dec("44.83"))
        #expect(calculated.totals.igv == dec("8.07"))
        #expect(calculated.totals.payableAmount == dec("52.90"))
    }

    @Test func lineAndGlobalDiscountsAndCharges() throws {
        let document = Fixtures.factura(
            [
                Line(description: "Servicio", unitCode: "ZZ", quantity: dec("1.5"), unitValue: 100, discount: 10),
                Line(description: "Producto", quantity: 2, unitValue: 20),
            ],
            adjustments: [
                GlobalAdjustment(code: .discountAffectingBase, amount: 5),
                GlobalAdjustment(code: .discountNotAffectingBase, amount: dec("6.50")),
                GlobalAdjustment(code: .chargeNotAffectingBase, amount: 2),
            ])
        let calculated = try EInvoiceCalculator.calculate(document)
        let service = calculated.lines[0]
        // 1.5 × 100 = 150.00 gross, − 10.00 line discount = 140.00, IGV 25.20.
        #expect(service.grossValue == dec("150.00"))
        #expect(service.lineValue == dec("140.00"))
        #expect(service.igv == dec("25.20"))
        // Discounted line: price 01 = (140 + 25.20) / 1.5 = 110.1333333333…
        #expect(service.referencePrice == dec("110.1333333333"))
        let totals = calculated.totals
        // Gravado base 140 + 40 = 180, − 5.00 global discount (02) = 175.00.
        // IGV: 25.20 + 7.20 − (5.00 × 0.18 = 0.90) = 31.50 (= 175 × 0.18).
        // TaxInclusive 175 + 31.50 = 206.50; − 6.50 (03) + 2.00 (50) = 202.00 payable.
        #expect(totals.taxedAmount == dec("175.00"))
        #expect(totals.igv == dec("31.50"))
        #expect(totals.lineExtensionAmount == dec("175.00"))
        #expect(totals.taxInclusiveAmount == dec("206.50"))
        #expect(totals.allowanceTotalAmount == dec("6.50"))
        #expect(totals.chargeTotalAmount == dec("2.00"))
        #expect(totals.payableAmount == dec("202.00"))
        // Factor of the 02 discount: 5 / 180 = 0.027777… → 0.02778; its base is the gravado base.
        #expect(totals.adjustments[0].factor == dec("0.02778"))
        #expect(totals.adjustments[0].baseAmount == dec("180.00"))
        #expect(totals.adjustments[1].baseAmount == dec("206.50"))
    }

    @Test func globalChargeAffectingBaseRaisesIGV() throws {
        let calculated = try EInvoiceCalculator.calculate(Fixtures.factura(
            [Fixtures.simpleLine], adjustments: [GlobalAdjustment(code: .chargeAffectingBase, amount: 10)]))
        // 100 + 10 = 110 taxed; IGV 18.00 + 1.80 = 19.80; payable 129.80.
        #expect(calculated.totals.taxedAmount == dec("110.00"))
        #expect(calculated.totals.igv == dec("19.80"))
        #expect(calculated.totals.lineExtensionAmount == dec("110.00"))
        #expect(calculated.totals.payableAmount == dec("129.80"))
    }

    @Test func creditSaleWithInstallments() throws {
        let terms = PaymentTerms.credito([
            Cuota(amount: 59, dueDate: date("2026-04-01")),
            Cuota(amount: 59, dueDate: date("2026-05-01")),
        ])
        let calculated = try EInvoiceCalculator.calculate(Fixtures.factura([Fixtures.simpleLine], paymentTerms: terms))
        // 100 + 18 IGV = 118.00 on credit = 59 + 59.
        #expect(calculated.creditAmount == dec("118.00"))
        #expect(calculated.paymentTerms == terms)
    }

    @Test func installmentsMustAddUpToThePayableAmount() {
        let terms = PaymentTerms.credito([
            Cuota(amount: 59, dueDate: date("2026-04-01")),
            Cuota(amount: 50, dueDate: date("2026-05-01")),
        ])
        // 59 + 50 = 109 ≠ 118.
        #expect(throws: EInvoiceError.installmentsSumMismatch(
            field: "paymentTerms.cuotas", rule: "3319", expected: dec("118.00"), actual: dec("109"))) {
            try EInvoiceCalculator.calculate(Fixtures.factura([Fixtures.simpleLine], paymentTerms: terms))
        }
    }

    @Test func dollarInvoice() throws {
        let calculated = try EInvoiceCalculator.calculate(
            Fixtures.factura([Line(description: "Licencia", unitCode: "ZZ", quantity: 1, unitValue: 250)], currency: .usd))
        // 250 + 45 IGV = 295.00.
        #expect(calculated.totals.currency == .usd)
        #expect(calculated.totals.payableAmount == dec("295.00"))
        #expect(calculated.legends.first?.text == "SON DOSCIENTOS NOVENTA Y CINCO CON 00/100 DÓLARES AMERICANOS")
    }

    @Test func lineValuesRoundHalfUpNotToEven() throws {
        let line = Line(description: "Clavo", quantity: 3, unitValue: dec("0.335"))
        let calculated = try EInvoiceCalculator.calculate(Fixtures.factura([line, line, line]))
        // 3 × 0.335 = 1.005 → 1.01 half-up (banker's rounding would give 1.00).
        // IGV 1.01 × 0.18 = 0.1818 → 0.18 per line.
        for computed in calculated.lines {
            #expect(computed.lineValue == dec("1.01"))
            #expect(computed.igv == dec("0.18"))
        }
        // Document IGV is Σ line IGV = 0.54, not round(3.03 × 0.18 = 0.5454) = 0.55.
        #expect(calculated.totals.taxedAmount == dec("3.03"))
        #expect(calculated.totals.igv == dec("0.54"))
        #expect(calculated.totals.payableAmount == dec("3.57"))
    }

    @Test(arguments: [
        // base, IGV by hand
        ("0.25", "0.05"),    // 0.045 → 0.05 (half-up at .005; to-even would give 0.04)
        ("10.25", "1.85"),   // 1.845 → 1.85
        ("0.02", "0.00"),    // 0.0036 → 0.00
        ("593.22", "106.78"), // 106.7796 → 106.78
    ])
    func igvRoundsHalfUpAtTheCent(base: String, igv: String) throws {
        let calculated = try EInvoiceCalculator.calculate(
            Fixtures.factura([Line(description: "X", quantity: 1, unitValue: dec(base))]))
        #expect(calculated.lines[0].igv == dec(igv))
        #expect(calculated.totals.payableAmount == dec(base) + dec(igv))
    }

    @Test func declaredTotalsAreCheckedToTheCentimo() throws {
        let matching = DeclaredTotals(igv: 18, taxInclusiveAmount: 118, payableAmount: dec("118.00"))
        _ = try EInvoiceCalculator.calculate(Fixtures.factura([Fixtures.simpleLine], declared: matching))
        let offByOne = DeclaredTotals(payableAmount: dec("118.01"))
        #expect(throws: EInvoiceError.declaredAmountMismatch(
            field: "declared.payableAmount", rule: "3280", computed: 118, declared: dec("118.01"))) {
            try EInvoiceCalculator.calculate(Fixtures.factura([Fixtures.simpleLine], declared: offByOne))
        }
        #expect(throws: EInvoiceError.declaredAmountMismatch(
            field: "declared.igv", rule: "3291", computed: 18, declared: dec("17.99"))) {
            try EInvoiceCalculator.calculate(Fixtures.factura([Fixtures.simpleLine], declared: DeclaredTotals(igv: dec("17.99"))))
        }
    }

    @Test func exportInvoiceIsTotalledUnder9995() throws {
        var document = Fixtures.factura([Line(description: "Café", unitCode: "KGM", quantity: 100, unitValue: 8, affectation: .exportacion)])
        document.customer = Customer(documentType: .noDomiciliado, number: "US12345", name: "COFFEE IMPORTS LLC")
        let calculated = try EInvoiceCalculator.calculate(document)
        // 100 kg × 8 = 800.00, no IGV.
        #expect(calculated.operationType == .exportacionBienes)
        #expect(calculated.totals.exportAmount == dec("800.00"))
        #expect(calculated.totals.subtotals.map(\.scheme) == [.exportacion])
        #expect(calculated.totals.payableAmount == dec("800.00"))
    }
}
