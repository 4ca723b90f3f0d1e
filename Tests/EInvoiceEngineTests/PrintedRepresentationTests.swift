import EInvoiceEngine
import EInvoicing
import EInvoicingPDF
import Foundation
import TestSupport
import Testing

@Suite("Printed representation of signed documents")
struct PrintedRepresentationTests {
    /// The factura sample, worked by hand:
    /// arroz 2 × 23.60 with IGV = 40.00 + 7.20; libro 40.00 exonerado; muestra 5.00 free
    /// (IGV 0.90 not charged); reparto 1.5 × 100 − 10 = 140.00 + 25.20.
    /// Global discount 5.00 on the taxed base: 180.00 − 5.00 = 175.00, IGV 175 × 18% = 31.50.
    /// Payable 175.00 + 31.50 + 40.00 = 246.50 = cuotas 146.50 + 100.00.
    @Test func facturaShowsWhatTheXMLSays() throws {
        let signed = try Samples.signer().sign(Samples.document("factura"))
        let printed = PrintableDocument(signed)
        #expect(printed.title == "FACTURA ELECTRÓNICA" && printed.number == "F001-123")
        #expect(printed.issuer == .init(name: "BODEGA ROSA ÑAÑEZ S.A.C.", documentLabel: "RUC", documentNumber: "20100070970",
                                        address: "AV. ABANCAY 123, LIMA, LIMA, LIMA"))
        #expect(printed.tradeName == "Bodega Rosa")
        #expect(printed.customer == .init(name: "COMPAÑÍA DE SERVICIOS AÑAÑOS S.A.", documentLabel: "RUC",
                                          documentNumber: "20131312955", address: "JR. UNIÓN 456, CERCADO DE LIMA"))
        #expect((printed.issueDate, printed.dueDate, printed.currency) == ("02/03/2026", "01/05/2026", "SOLES"))
        #expect(printed.paymentTerms == "Crédito (2 cuotas)")
        #expect(printed.lines == [
            .init(quantity: "2", unit: "NIU", description: "Arroz extra 5 kg", unitPrice: "S/ 23.60", total: "S/ 47.20"),
            .init(quantity: "1", unit: "NIU", description: "Libro de cuentos", unitPrice: "S/ 40.00", total: "S/ 40.00"),
            .init(quantity: "1", unit: "NIU", description: "Muestra de café (transferencia gratuita)",
                  unitPrice: "S/ 5.00", total: "S/ 0.00"),
            // (140.00 + 25.20) / 1.5 = 110.1333...
            .init(quantity: "1.5", unit: "ZZ", description: "Servicio de reparto", unitPrice: "S/ 110.13", total: "S/ 165.20"),
        ])
        #expect(printed.totals == [
            .init("Descuento global", "-S/ 5.00"), .init("Op. gravadas", "S/ 175.00"), .init("Op. exoneradas", "S/ 40.00"),
            .init("Op. gratuitas", "S/ 5.00"), .init("IGV 18%", "S/ 31.50"), .init("Importe total", "S/ 246.50"),
        ])
        #expect(printed.amountInWords == "SON DOSCIENTOS CUARENTA Y SEIS CON 50/100 SOLES")
        #expect(printed.notes == [
            Legend.freeTransferText,
            "Monto neto pendiente de pago: S/ 246.50. Cuota 1: S/ 146.50 vence el 01/04/2026; Cuota 2: S/ 100.00 vence el 01/05/2026.",
        ])
        #expect(printed.hash == signed.digestValue)
        #expect(printed.qrPayload == "20100070970|01|F001|123|31.50|246.50|2026-03-02|6|20131312955|\(signed.digestValue)|")
        #expect(printed.footer == "Representación impresa de la FACTURA ELECTRÓNICA. Consulte su validez en https://e-consulta.sunat.gob.pe")
    }

    @Test func anonymousBoletaPrintsNoCustomerButKeepsItInTheQR() throws {
        let signed = try Samples.signer().sign(Samples.document("boleta"))
        let printed = PrintableDocument(signed, consultSite: "https://bodegarosa.pe/cpe")
        #expect(printed.title == "BOLETA DE VENTA ELECTRÓNICA" && printed.customer == nil)
        #expect(printed.paymentTerms == "Contado" && printed.dueDate == nil)
        // Leche 6 × 4.20 = 25.20; pan 0.75 kg × 10.00 = 7.50; plátano 1.2 kg × 3.50 exonerado = 4.20.
        #expect(printed.lines.map(\.total) == ["S/ 25.20", "S/ 7.50", "S/ 4.20"])
        #expect(printed.lines.map(\.quantity) == ["6", "0.75", "1.2"])
        #expect(printed.totals.last == .init("Importe total", "S/ 36.90"))
        let igv = try #require(printed.totals.first { $0.label == "IGV 18%" })
        #expect(printed.qrPayload == "20100070970|03|B001|45|\(igv.amount.dropFirst(3))|36.90|2026-03-02|-|-|\(signed.digestValue)|")
        #expect(printed.footer.hasSuffix("Consulte su validez en https://bodegarosa.pe/cpe"))
    }

    @Test func creditNoteNamesTheDocumentItModifies() throws {
        let signed = try Samples.signer().sign(Samples.document("nota-credito"))
        let printed = PrintableDocument(signed)
        #expect(printed.title == "NOTA DE CRÉDITO ELECTRÓNICA" && printed.number == "FC01-7")
        #expect(printed.notes == [
            "Documento que modifica: FACTURA ELECTRÓNICA F001-123. Motivo: 07 Devolución por ítem. Devolución de una bolsa de arroz",
        ])
        #expect(printed.totals == [.init("Op. gravadas", "S/ 20.00"), .init("IGV 18%", "S/ 3.60"), .init("Importe total", "S/ 23.60")])
        #expect(printed.qrPayload.hasPrefix("20100070970|07|FC01|7|3.60|23.60|2026-03-05|6|20131312955|"))
    }

    @Test(arguments: [InvoicePDF.Format.a4, .ticket80mm])
    func renderedPDFCarriesTheQRAndTheTotals(format: InvoicePDF.Format) throws {
        let signed = try Samples.signer().sign(Samples.document("factura"))
        let printed = PrintableDocument(signed)
        let probe = try PDFProbe.read(InvoicePDF.render(printed, format: format))
        #expect(probe.qr == [printed.qrPayload])
        #expect(probe.flatText.contains("Importe total S/ 246.50"))
        #expect(probe.flatText.contains("SON DOSCIENTOS CUARENTA Y SEIS CON 50/100 SOLES"))
        #expect(probe.flatText.contains("COMPAÑÍA DE SERVICIOS AÑAÑOS S.A."))
        #expect(probe.flatText.replacingOccurrences(of: " ", with: "").contains(signed.digestValue))
    }
}
