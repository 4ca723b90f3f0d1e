import EInvoicing
import Foundation
import Shared
import Testing

@Suite("UBL Invoice: facturas and boletas are schema-valid and carry the computed values")
struct UBLInvoiceTests {
    static let mixedLines = [
        Line(description: "Gravado", quantity: 2, unitValue: 50, productCode: "P-001"),
        Line(description: "Exonerado", quantity: 1, unitValue: 40, affectation: .exonerado),
        Line(description: "Inafecto", quantity: 3, unitValue: dec("10.50"), affectation: .inafecto),
        Line(description: "Bonificación", quantity: 1, unitValue: 20, affectation: .gravadoBonificacion),
    ]

    @Test func mixedFactura() throws {
        let built = try UBLBuilder.build(Fixtures.factura(Self.mixedLines))
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        let xml = XMLProbe(built.xml)
        #expect(xml.isWellFormed)
        #expect(built.fileName == "20100070970-01-F001-123")
        #expect(xml.text("Invoice/cbc:ID") == "F001-123")
        #expect(xml.text("Invoice/cbc:UBLVersionID") == "2.1")
        #expect(xml.text("Invoice/cbc:CustomizationID") == "2.0")
        #expect(xml.text("cbc:InvoiceTypeCode") == "01")
        #expect(xml.attribute("listID", of: "cbc:InvoiceTypeCode") == "0101")
        #expect(xml.attribute("schemeID", of: "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID") == "6")
        #expect(xml.attribute("schemeID", of: "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID") == "6")
        #expect(xml.text("cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID") == Fixtures.customerRUC)
        #expect(xml.text("cac:RegistrationAddress/cbc:AddressTypeCode") == "0000")
        // 100 + 40 + 31.50 = 171.50; IGV 18.00; free 20.00 with 3.60 shown.
        #expect(xml.texts("Invoice/cac:TaxTotal/cbc:TaxAmount") == ["18.00"])
        #expect(xml.texts("Invoice/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:ID") == ["1000", "9997", "9998", "9996"])
        #expect(xml.texts("Invoice/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount") == ["100.00", "40.00", "31.50", "20.00"])
        #expect(xml.texts("Invoice/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount") == ["18.00", "0.00", "0.00", "3.60"])
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:LineExtensionAmount") == "171.50")
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount") == "189.50")
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:PayableAmount") == "189.50")
        #expect(xml.count("cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount") == 0)
        #expect(xml.texts("Invoice/cbc:Note") == ["SON CIENTO OCHENTA Y NUEVE CON 50/100 SOLES", Legend.freeTransferText])
        #expect(xml.attribute("languageLocaleID", of: "Invoice/cbc:Note") == "1000")
        #expect(xml.texts("cac:PaymentTerms/cbc:PaymentMeansID") == ["Contado"])
        #expect(xml.count("cac:InvoiceLine") == 4)
        #expect(xml.texts("cac:InvoiceLine/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode") == ["10", "20", "30", "15"])
        #expect(xml.texts("cac:InvoiceLine/cac:PricingReference/cac:AlternativeConditionPrice/cbc:PriceTypeCode") == ["01", "01", "01", "02"])
        #expect(xml.texts("cac:InvoiceLine/cac:PricingReference/cac:AlternativeConditionPrice/cbc:PriceAmount") == ["59.00", "40.00", "10.50", "20.00"])
        #expect(xml.texts("cac:InvoiceLine/cac:Price/cbc:PriceAmount") == ["50.00", "40.00", "10.50", "0.00"])
        #expect(xml.texts("cac:InvoiceLine/cac:Item/cac:SellersItemIdentification/cbc:ID") == ["P-001"])
        #expect(xml.attribute("unitCode", of: "cac:InvoiceLine/cbc:InvoicedQuantity") == "NIU")
    }

    @Test func outputIsUnindentedUTF8WithOneSignatureSlotFirst() throws {
        let built = try UBLBuilder.build(Fixtures.factura([Fixtures.simpleLine]))
        let text = try #require(String(data: built.xml, encoding: .utf8))
        #expect(text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><Invoice "#))
        #expect(!text.contains("\n"))
        let slot = try #require(text.range(of: "<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent/></ext:UBLExtension></ext:UBLExtensions>"))
        #expect(text.range(of: "<cbc:UBLVersionID>")?.lowerBound == slot.upperBound)
        #expect(XMLProbe(built.xml).text("cac:Signature/cac:DigitalSignatureAttachment/cac:ExternalReference/cbc:URI") == "#\(UBLBuilder.signatureID)")
    }

    @Test func textIsEscaped() throws {
        var document = Fixtures.factura([Line(description: "Tornillo 3/8\" <acero> & tuerca 'M8' Ñandú", quantity: 1, unitValue: 1)])
        document.customer.name = "A&B <SAC>"
        let built = try UBLBuilder.build(document)
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        let text = String(decoding: built.xml, as: UTF8.self)
        #expect(text.contains("BODEGA &amp; DISTRIBUIDORA &quot;EL SOL&quot; S.A.C."))
        #expect(text.contains("El Sol &lt;Lima&gt;"))
        let xml = XMLProbe(built.xml)
        #expect(xml.text("cac:Item/cbc:Description") == "Tornillo 3/8\" <acero> & tuerca 'M8' Ñandú")
        #expect(xml.text("cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName") == "A&B <SAC>")
        #expect(xml.text("cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name") == "El Sol <Lima>")
    }

    @Test func boleta() throws {
        let built = try UBLBuilder.build(Fixtures.boleta([Line(description: "Arroz", quantity: 2, unitPrice: dec("23.60"))]))
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        let xml = XMLProbe(built.xml)
        #expect(built.fileName == "20100070970-03-B001-45")
        #expect(xml.text("cbc:InvoiceTypeCode") == "03")
        #expect(xml.attribute("schemeID", of: "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID") == "1")
        // 2 × 23.60 = 47.20 = 40.00 + 7.20 IGV.
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:PayableAmount") == "47.20")
        #expect(xml.text("Invoice/cbc:Note") == "SON CUARENTA Y SIETE CON 20/100 SOLES")
    }

    @Test func anonymousBoleta() throws {
        let built = try UBLBuilder.build(Fixtures.boleta([Fixtures.simpleLine], customer: .anonymous()))
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        let xml = XMLProbe(built.xml)
        #expect(xml.attribute("schemeID", of: "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID") == "-")
        #expect(xml.text("cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName") == "CLIENTES VARIOS")
    }

    @Test func creditSaleWritesCreditoAndNumberedCuotas() throws {
        let terms = PaymentTerms.credito([
            Cuota(amount: 60, dueDate: date("2026-04-01")), Cuota(amount: 58, dueDate: date("2026-05-01")),
        ])
        let built = try UBLBuilder.build(Fixtures.factura([Fixtures.simpleLine], paymentTerms: terms))
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        let xml = XMLProbe(built.xml)
        #expect(xml.texts("cac:PaymentTerms/cbc:ID") == ["FormaPago", "FormaPago", "FormaPago"])
        #expect(xml.texts("cac:PaymentTerms/cbc:PaymentMeansID") == ["Credito", "Cuota001", "Cuota002"])
        #expect(xml.texts("cac:PaymentTerms/cbc:Amount") == ["118.00", "60.00", "58.00"])
        #expect(xml.texts("cac:PaymentTerms/cbc:PaymentDueDate") == ["2026-04-01", "2026-05-01"])
    }

    @Test func discountsAndCharges() throws {
        let document = Fixtures.factura(
            [Line(description: "Servicio", unitCode: "ZZ", quantity: dec("1.5"), unitValue: 100, discount: 10)],
            adjustments: [
                GlobalAdjustment(code: .discountAffectingBase, amount: 5),
                GlobalAdjustment(code: .discountNotAffectingBase, amount: 1),
                GlobalAdjustment(code: .chargeNotAffectingBase, amount: 2),
            ])
        let built = try UBLBuilder.build(document)
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        let xml = XMLProbe(built.xml)
        #expect(xml.texts("Invoice/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode") == ["02", "03", "50"])
        #expect(xml.texts("Invoice/cac:AllowanceCharge/cbc:ChargeIndicator") == ["false", "false", "true"])
        // 5 / 140 = 0.0357142… → 0.03571.
        #expect(xml.text("Invoice/cac:AllowanceCharge/cbc:MultiplierFactorNumeric") == "0.03571")
        #expect(xml.texts("cac:InvoiceLine/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode") == ["00"])
        #expect(xml.text("cac:InvoiceLine/cac:AllowanceCharge/cbc:BaseAmount") == "150.00")
        #expect(xml.text("cac:InvoiceLine/cbc:InvoicedQuantity") == "1.5")
        // Base 140 − 5 = 135, IGV 25.20 − 0.90 = 24.30, 159.30 − 1 + 2 = 160.30.
        #expect(xml.text("Invoice/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount") == "135.00")
        #expect(xml.text("Invoice/cac:TaxTotal/cbc:TaxAmount") == "24.30")
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount") == "1.00")
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:ChargeTotalAmount") == "2.00")
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:PayableAmount") == "160.30")
    }

    @Test func dollarInvoiceUsesOneCurrencyThroughout() throws {
        let built = try UBLBuilder.build(Fixtures.factura(Self.mixedLines, currency: .usd))
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        let text = String(decoding: built.xml, as: UTF8.self)
        #expect(text.contains(#"currencyID="USD""#))
        #expect(!text.contains(#"currencyID="PEN""#))
        #expect(XMLProbe(built.xml).text("cbc:DocumentCurrencyCode") == "USD")
        #expect(XMLProbe(built.xml).text("Invoice/cbc:Note") == "SON CIENTO OCHENTA Y NUEVE CON 50/100 DÓLARES AMERICANOS")
    }

    @Test func exportFactura() throws {
        var document = Fixtures.factura([Line(description: "Café", unitCode: "KGM", quantity: dec("12.5"), unitValue: 8, affectation: .exportacion)])
        document.customer = Customer(documentType: .noDomiciliado, number: "US12345", name: "COFFEE IMPORTS LLC",
                                     address: CustomerAddress(line: "5TH AVENUE 1", countryCode: "US"))
        let built = try UBLBuilder.build(document)
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        let xml = XMLProbe(built.xml)
        #expect(xml.attribute("listID", of: "cbc:InvoiceTypeCode") == "0200")
        #expect(xml.texts("Invoice/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:ID") == ["9995"])
        #expect(xml.text("cac:LegalMonetaryTotal/cbc:PayableAmount") == "100.00")
    }

    @Test func numberHasNoLeadingZeros() throws {
        let built = try UBLBuilder.build(Fixtures.factura([Fixtures.simpleLine], number: 7))
        #expect(XMLProbe(built.xml).text("Invoice/cbc:ID") == "F001-7")
        #expect(built.fileName == "20100070970-01-F001-7")
    }
}
