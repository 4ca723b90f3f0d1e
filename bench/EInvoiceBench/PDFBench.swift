import EInvoiceEngine
import EInvoicing
import EInvoicingPDF

/// PDFs rendered per second, against rendering a signed one-line boleta in the same format
/// and with the same number of tasks, measured right before: the fixed cost of a printout
/// (cairo surface, fonts, QR, page furniture), so the ratio is what the content costs.
struct PDFBench {
    let inputs: Inputs
    let options: Options

    func run() async throws {
        let signer = EInvoiceSigner(certificate: inputs.certificate)
        let factura = PrintableDocument(try signer.sign(inputs.factura))
        let long = PrintableDocument(try signer.sign(inputs.longFactura))
        let minimal = PrintableDocument(try signer.sign(inputs.minimalBoleta))
        try await compare("pdf a4 factura/s", factura, minimal, .a4, tasks: 1)
        try await compare("pdf ticket80mm factura/s", factura, minimal, .ticket80mm, tasks: 1)
        try await compare("pdf a4 60-line factura/s", long, minimal, .a4, tasks: 1)
        if options.tasks > 1 {
            try await compare("pdf a4 factura/s (\(options.tasks) tasks)", factura, minimal, .a4, tasks: options.tasks)
        }
    }

    private func compare(_ name: String, _ document: PrintableDocument, _ baseline: PrintableDocument,
                         _ format: InvoicePDF.Format, tasks: Int) async throws {
        let count = options.pdfs
        let base = try await measure(count, tasks: tasks) { _ in _ = try InvoicePDF.render(baseline, format: format) }
        let measured = try await measure(count, tasks: tasks) { _ in _ = try InvoicePDF.render(document, format: format) }
        report(name, measured, baseline: "1-line boleta", base.perSecond)
    }
}
