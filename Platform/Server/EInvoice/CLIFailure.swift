import EInvoiceEngine
import EInvoicingPDF
import EInvoicingXML

/// An error the e-invoice commands print as is: what was wrong, where, and (for document
/// errors) the SUNAT rule, in English and Spanish.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    init(_ error: EngineError) {
        let rule = error.rule.map { " [SUNAT rule \($0)]" } ?? ""
        description = "error\(rule): \(error.messageEn)\n    es: \(error.message)"
    }

    init(_ error: CertificateError) {
        self.init(.certificate(error))
    }

    init(_ problem: DocumentInput.DecodingProblem) {
        description = "error: invalid JSON document: \(problem)"
    }

    init(_ error: InvoicePDFError) {
        description = "error: the PDF could not be rendered: \(error)"
    }
}
