import CCairo
import Foundation

/// Writes laid-out pages as a PDF with cairo, in memory.
enum PDFWriter {
    /// Creates the PDF surface and context, hands the layout the context's text metrics,
    /// then draws the pages it returns, each at its own size.
    static func write(title: String, pageWidth: Double, pageHeight: Double,
                      layout: (Typesetter) -> [PageLayout]) throws(InvoicePDFError) -> Data {
        let sink = ByteSink()
        // cairo only holds an unowned pointer to the sink, until the surface is destroyed.
        return try withExtendedLifetime(sink) { () throws(InvoicePDFError) -> Data in
            guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(data, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque(), pageWidth, pageHeight) else {
                throw .cairo("cannot create PDF surface")
            }
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface))
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Multinicho")
            try draw(on: surface, layout: layout)
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface))
            return sink.data
        }
    }

    private static func draw(on surface: OpaquePointer,
                             layout: (Typesetter) -> [PageLayout]) throws(InvoicePDFError) {
        guard let context = cairo_create(surface) else { throw .cairo("cannot create context") }
        defer { cairo_destroy(context) }
        try check(cairo_status(context))
        let text = CairoText(context: context)
        let pages = layout(Typesetter(text: text))
        let painter = Painter(context: context, text: text)
        for page in pages {
            // Allowed because nothing has been drawn on the page yet.
            cairo_pdf_surface_set_size(surface, page.width, page.height)
            painter.draw(page.marks)
            cairo_show_page(context)
        }
        try check(cairo_status(context))
    }

    private static func check(_ status: cairo_status_t) throws(InvoicePDFError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo(String(cString: cairo_status_to_string(status)))
        }
    }
}

/// Collects what cairo writes.
private final class ByteSink {
    var data = Data()
}
