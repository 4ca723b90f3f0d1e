import EInvoicingPDF
import Foundation
import TestSupport
import Testing

/// Checks shared by the A4 and ticket tests.
enum PrintedChecks {
    /// Every font is a DejaVu subset embedded in the file ("ABCDEF+DejaVuSans-Bold").
    static func expectEmbeddedDejaVu(_ probe: PDFProbe) {
        #expect(!probe.fonts.isEmpty)
        for font in probe.fonts {
            let parts = font.split(separator: "+", maxSplits: 1)
            #expect(parts.count == 2 && parts[0].count == 6 && parts[1].hasPrefix("DejaVuSans"), "font \(font)")
        }
    }

    /// All text lies inside its page, at least `margin` points from every edge.
    static func expectTextInsidePages(_ probe: PDFProbe, margin: Double) {
        for (index, box) in probe.bbox.enumerated() {
            guard let box else { continue }
            let size = probe.sizes[index]
            #expect(box[0] >= margin - 0.5 && box[1] >= margin - 0.5, "page \(index + 1) text at \(box)")
            #expect(box[2] <= size[0] - margin + 0.5 && box[3] <= size[1] - margin + 0.5,
                    "page \(index + 1) text at \(box) on \(size)")
        }
    }

    /// The parts of the document that must be readable, exactly as given.
    static func expectContent(of document: PrintableDocument, in probe: PDFProbe) {
        let text = probe.flatText
        for phrase in [document.title, document.number, document.issueDate, document.amountInWords,
                       document.footer, document.hash, "\(document.issuer.documentLabel) \(document.issuer.documentNumber)"] {
            #expect(text.contains(PDFProbe.flatten(phrase)), "missing \(phrase)")
        }
        #expect(text.contains(document.issuer.name), "missing issuer")
        if let customer = document.customer {
            #expect(text.contains(customer.name) && text.contains(customer.documentNumber), "missing customer")
        }
        for line in document.lines {
            #expect(probe.containsInOrder(line.description), "missing line \(line.description)")
            #expect(text.contains(line.total) && text.contains(line.unitPrice))
        }
        for total in document.totals {
            #expect(text.contains("\(total.label) \(total.amount)"), "missing total \(total.label)")
        }
        for note in document.notes {
            #expect(probe.containsInOrder(note), "missing note")
        }
    }
}
