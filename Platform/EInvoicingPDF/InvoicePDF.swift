import Foundation

/// The printed representation of an electronic document, as PDF.
public enum InvoicePDF {
    public enum Format: Sendable, Equatable {
        /// 210 × 297 mm pages; long item lists continue on further pages.
        case a4
        /// 80 mm thermal roll: one page as tall as its content.
        case ticket80mm
    }

    /// Renders `document` as PDF bytes.
    ///
    /// Safe to call from several tasks at once: each call has its own cairo surface.
    public static func render(_ document: PrintableDocument, format: Format) throws(InvoicePDFError) -> Data {
        let qr: [[Bool]]
        do {
            qr = try QRCode.matrix(document.qrPayload)
        } catch {
            throw .invalidQRPayload(error)
        }
        var logo: PNGImage?
        if let png = document.logoPNG {
            logo = try PNGImage(png: png)
        }
        let size = format == .a4 ? A4Layout.pageSize : TicketLayout.pageSize
        return try PDFWriter.write(title: "\(document.title) \(document.number)",
                                   pageWidth: size.width, pageHeight: size.height) { setter in
            switch format {
            case .a4: A4Layout(document: document, qr: qr, logo: logo, setter: setter).pages()
            case .ticket80mm: TicketLayout(document: document, qr: qr, logo: logo, setter: setter).pages()
            }
        }
    }
}
