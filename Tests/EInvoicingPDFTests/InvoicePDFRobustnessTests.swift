import EInvoicingPDF
import Foundation
import TestSupport
import Testing

@Suite("Printouts of unusual documents")
struct InvoicePDFRobustnessTests {
    static let unbroken = String(repeating: "ABCDEFGHIJ", count: 40)

    private func oversized() throws -> PrintableDocument {
        var document = try SampleDocuments.factura()
        document.issuer.name = String(repeating: "Distribuidora Peruana de Útiles ", count: 6)
        document.lines[0].description = "Código \(Self.unbroken) fin"
        document.notes.append(String(repeating: "Nota de crédito que anula la factura F001-99 por devolución. ", count: 60))
        return document
    }

    @Test("wraps long names, unbroken codes and long notes inside the page", arguments: [InvoicePDF.Format.a4, .ticket80mm])
    func longText(format: InvoicePDF.Format) throws {
        let document = try oversized()
        let probe = try PDFProbe.read(InvoicePDF.render(document, format: format))
        PrintedChecks.expectTextInsidePages(probe, margin: format == .a4 ? 24 : 8)
        let squeezed = probe.text.joined().filter { !$0.isWhitespace }
        #expect(squeezed.contains(Self.unbroken))
        #expect(probe.containsInOrder(document.notes[1]))
        #expect(probe.flatText.contains("Importe total S/ 1,234.50"))
        #expect(probe.qr == [SampleDocuments.qrPayload])
    }

    @Test("splits a row taller than a page between its lines")
    func hugeRow() throws {
        var document = try SampleDocuments.factura()
        let words = (1...1_200).map { "palabra\($0)" }.joined(separator: " ")
        document.lines[1].description = words
        let probe = try PDFProbe.read(InvoicePDF.render(document, format: .a4))
        #expect(probe.pages >= 2)
        #expect(probe.containsInOrder(words))
        #expect(try #require(probe.text.last).contains("Importe total S/ 1,234.50"))
        PrintedChecks.expectTextInsidePages(probe, margin: 24)
    }

    @Test("prints a boleta without customer, due date, payment terms or lines")
    func minimal() throws {
        var document = try SampleDocuments.factura()
        document.title = "BOLETA DE VENTA ELECTRÓNICA"
        document.customer = nil
        document.dueDate = nil
        document.paymentTerms = nil
        document.lines = []
        for format in [InvoicePDF.Format.a4, .ticket80mm] {
            let probe = try PDFProbe.read(InvoicePDF.render(document, format: format))
            #expect(probe.flatText.contains("BOLETA DE VENTA ELECTRÓNICA"))
            #expect(!probe.flatText.contains("Cliente:"))
            #expect(probe.qr == [SampleDocuments.qrPayload])
        }
    }

    @Test("rejects a logo that is not a PNG and an empty QR payload")
    func invalidInput() throws {
        var document = try SampleDocuments.factura()
        document.logoPNG = Data("GIF89a".utf8)
        #expect(throws: InvoicePDFError.invalidLogo) { try InvoicePDF.render(document, format: .a4) }
        document.logoPNG = SampleDocuments.logoPNG.prefix(100)
        #expect(throws: InvoicePDFError.invalidLogo) { try InvoicePDF.render(document, format: .ticket80mm) }
        document.logoPNG = nil
        document.qrPayload = ""
        #expect(throws: InvoicePDFError.invalidQRPayload(.emptyPayload)) { try InvoicePDF.render(document, format: .a4) }
    }

    @Test("renders from many tasks at once")
    func concurrent() async throws {
        let document = try SampleDocuments.factura(lineCount: 20)
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask { try InvoicePDF.render(document, format: index.isMultiple(of: 2) ? .a4 : .ticket80mm).count }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sizes.count == 8 && sizes.allSatisfy { $0 > 1_000 })
    }
}
