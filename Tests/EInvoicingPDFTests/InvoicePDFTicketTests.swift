import EInvoicingPDF
import Foundation
import TestSupport
import Testing

@Suite("80 mm ticket printout")
struct InvoicePDFTicketTests {
    @Test("shows the whole factura on one 80 mm page with a readable QR")
    func content() throws {
        var document = try SampleDocuments.factura()
        document.logoPNG = SampleDocuments.logoPNG
        let probe = try PDFProbe.read(InvoicePDF.render(document, format: .ticket80mm))
        #expect(probe.pages == 1)
        #expect(abs(probe.sizes[0][0] - 226.77) < 0.1)
        PrintedChecks.expectContent(of: document, in: probe)
        #expect(probe.flatText.contains("Panadería y Cafetería Ñañez S.A.C."))
        PrintedChecks.expectEmbeddedDejaVu(probe)
        PrintedChecks.expectTextInsidePages(probe, margin: 8)
        #expect(probe.images == [1])
        #expect(probe.qr == [SampleDocuments.qrPayload])
    }

    @Test("grows in height with the number of lines instead of adding pages")
    func height() throws {
        let short = try PDFProbe.read(InvoicePDF.render(SampleDocuments.factura(), format: .ticket80mm))
        let long = try PDFProbe.read(InvoicePDF.render(SampleDocuments.factura(lineCount: 60), format: .ticket80mm))
        #expect(long.pages == 1)
        #expect(long.sizes[0][1] > short.sizes[0][1] + 60 * 15)
        #expect(long.flatText.contains("Artículo número 60 de la lista de precios"))
        #expect(long.flatText.contains("Importe total S/ 1,234.50"))
        #expect(long.qr == [SampleDocuments.qrPayload])
        // The content ends near the bottom edge: the page was sized to it, not guessed.
        let bottom = try #require(long.bbox[0])[3]
        #expect(long.sizes[0][1] - bottom < 40)
    }
}
