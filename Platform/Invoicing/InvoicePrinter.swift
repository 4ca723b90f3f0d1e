import Core
import EInvoiceEngine
import EInvoicing
import EInvoicingPDF
import Foundation

/// The PDF of an issued document, printed again from what was signed: the stored engine
/// document is recalculated (the same arithmetic that wrote the XML) and the QR carries the
/// stored digest.
enum InvoicePrinter {
    enum Format: String, CaseIterable, Sendable {
        case a4, ticket

        var pdf: InvoicePDF.Format { self == .a4 ? .a4 : .ticket80mm }
    }

    static func pdf(_ record: InvoiceRecord, profile: InvoicingProfile?, format: Format) throws -> Data {
        guard let json = record.documentJSON, let xml = record.xml, let hash = record.hash, let fileName = record.fileName else {
            throw InvoicingFailure.missing("a draft has no PDF yet")
        }
        let document = try JSONDecoder.jobs.decode(EInvoiceDocument.self, from: Data(json.utf8))
        let calculated = try EInvoiceCalculator.calculate(document)
        let signed = SignedInvoice(xml: xml, fileName: fileName, digestValue: hash, calculated: calculated)
        return try InvoicePDF.render(PrintableDocument(signed, logoPNG: profile?.logoPNG), format: format.pdf)
    }

    static func fileName(_ record: InvoiceRecord, extension ext: String) -> String {
        "\(record.fileName ?? "\(record.series)-borrador").\(ext)"
    }
}
