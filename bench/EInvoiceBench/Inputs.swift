import EInvoiceEngine
import EInvoicing
import EInvoicingXML
import Foundation

/// What the benchmark works on: the certificate from bench.sh and the documents of
/// docs/examples/einvoice, plus two made from them (a 60-line factura, a 1-line boleta).
struct Inputs {
    struct NotAnInvoice: Error, CustomStringConvertible {
        let description: String
    }

    let certificate: SigningCertificate
    /// docs/examples/einvoice/factura.json: 4 lines (taxed, exonerated, free, service with a
    /// discount), a global discount and 2 credit instalments.
    let factura: EInvoiceDocument
    /// The factura with 60 lines (its 4 repeated) and paid contado.
    let longFactura: EInvoiceDocument
    /// docs/examples/einvoice/boleta.json cut to its first line: the least a document prints.
    let minimalBoleta: EInvoiceDocument

    static func load(_ options: Options) throws -> Inputs {
        let key = try Data(contentsOf: URL(fileURLWithPath: options.keyPath))
        let certificate = try Data(contentsOf: URL(fileURLWithPath: options.certificatePath))
        let factura = try sample("factura", in: options.samplesDirectory)
        var boleta = try sample("boleta", in: options.samplesDirectory)
        boleta.lines = [boleta.lines[0]]
        return Inputs(certificate: try SigningCertificate.pem(key: key, certificate: certificate),
                      factura: factura, longFactura: lengthened(factura, to: 60), minimalBoleta: boleta)
    }

    private static func sample(_ name: String, in directory: String) throws -> EInvoiceDocument {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("\(name).json")
        guard case .invoice(let document) = try DocumentInput.decode(json: Data(contentsOf: url)) else {
            throw NotAnInvoice(description: "\(url.path) is not a comprobante")
        }
        return document
    }

    /// `document` with `count` lines cycling over its own, each named apart. The instalments
    /// would no longer add up to the new total, so it is paid contado.
    private static func lengthened(_ document: EInvoiceDocument, to count: Int) -> EInvoiceDocument {
        var long = document
        long.lines = (0..<count).map { n in
            var line = document.lines[n % document.lines.count]
            line.description += " (\(n + 1))"
            return line
        }
        long.paymentTerms = .contado
        return long
    }
}
