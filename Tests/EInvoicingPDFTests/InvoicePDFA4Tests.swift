import EInvoicingPDF
import Foundation
import TestSupport
import Testing

@Suite("A4 printout")
struct InvoicePDFA4Tests {
    @Test("shows the whole factura as selectable text with accents, in embedded DejaVu")
    func content() throws {
        let document = try SampleDocuments.factura()
        let probe = try PDFProbe.read(InvoicePDF.render(document, format: .a4))
        #expect(probe.pages == 1)
        #expect(abs(probe.sizes[0][0] - 595.28) < 0.1 && abs(probe.sizes[0][1] - 841.89) < 0.1)
        PrintedChecks.expectContent(of: document, in: probe)
        #expect(probe.flatText.contains("Compañía Minera Añaños S.R.L."))
        #expect(probe.flatText.contains("Importe total S/ 1,234.50"))
        #expect(probe.flatText.contains("SON: MIL DOSCIENTOS TREINTA Y CUATRO CON 50/100 SOLES"))
        #expect(probe.flatText.contains("F001-123 · Página 1 de 1"))
        PrintedChecks.expectEmbeddedDejaVu(probe)
        PrintedChecks.expectTextInsidePages(probe, margin: 24)
    }

    @Test("carries a QR code that reads back as the SUNAT payload")
    func qr() throws {
        let probe = try PDFProbe.read(InvoicePDF.render(SampleDocuments.factura(), format: .a4))
        #expect(probe.qr == [SampleDocuments.qrPayload])
    }

    @Test("continues 60 lines on further pages, repeating column titles, totals and QR on the last")
    func pagination() throws {
        let document = try SampleDocuments.factura(lineCount: 60)
        let probe = try PDFProbe.read(InvoicePDF.render(document, format: .a4))
        #expect(probe.pages >= 2)
        for (index, page) in probe.text.enumerated() {
            #expect(page.contains("Descripción"), "page \(index + 1) lacks the column titles")
            #expect(page.contains("Página \(index + 1) de \(probe.pages)"))
        }
        let last = try #require(probe.text.last)
        #expect(last.contains("Importe total S/ 1,234.50"))
        #expect(probe.qrByPage.last == [SampleDocuments.qrPayload] && probe.qr.count == 1)
        #expect(probe.containsInOrder(document.lines.map(\.description).joined(separator: " ")))
        PrintedChecks.expectTextInsidePages(probe, margin: 24)
    }

    @Test("draws the logo as an image, and only when given")
    func logo() throws {
        var document = try SampleDocuments.factura()
        #expect(try PDFProbe.read(InvoicePDF.render(document, format: .a4)).images == [0])
        document.logoPNG = SampleDocuments.logoPNG
        let probe = try PDFProbe.read(InvoicePDF.render(document, format: .a4))
        #expect(probe.images == [1])
        #expect(probe.qr == [SampleDocuments.qrPayload])
    }
}
