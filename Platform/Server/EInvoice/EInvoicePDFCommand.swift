import ConsoleKit
import EInvoiceEngine
import EInvoicingPDF
import Foundation

/// `einvoice pdf doc.json --cert cert.p12`: the printed representation (A4 or 80 mm ticket).
/// The document is signed in memory, since the QR carries the signature's digest.
struct EInvoicePDFCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "document", help: "JSON factura, boleta or note.")
        var document: String
        @Option(name: "cert", help: "Certificate: .p12/.pfx, or PEM (with --key unless the key is in the same file).")
        var cert: String?
        @Option(name: "key", help: "PEM private key, when not inside --cert.")
        var key: String?
        @Option(name: "password", help: "Certificate password; or set EINVOICE_CERT_PASSWORD.")
        var password: String?
        @Option(name: "format", help: "a4 (default) or ticket (80 mm).")
        var format: String?
        @Option(name: "logo", help: "PNG logo for the header.")
        var logo: String?
        @Option(name: "out", short: "o", help: "Where to write the PDF (default: stdout).")
        var out: String?

        init() {}
    }

    var help: String { "Signs a JSON document in memory and renders its PDF with the SUNAT QR code." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let format: InvoicePDF.Format
        switch signature.format?.lowercased() ?? "a4" {
        case "a4": format = .a4
        case "ticket", "ticket80mm", "80mm": format = .ticket80mm
        case let other: throw CLIFailure("error: --format \(other): use a4 or ticket")
        }
        guard case .invoice(let document) = try CLIFiles.document(signature.document) else {
            throw CLIFailure("error: summaries (RC/RA) have no printed representation")
        }
        let signer = EInvoiceSigner(
            certificate: try CLIFiles.certificate(signature.cert, key: signature.key, password: signature.password))
        let signed: SignedInvoice
        do { signed = try signer.sign(document) } catch { throw CLIFailure(error) }
        let logo = try signature.logo.map { (path: String) throws(CLIFailure) in try CLIFiles.read(path) }
        let printable = PrintableDocument(signed, logoPNG: logo)
        let pdf: Data
        do { pdf = try InvoicePDF.render(printable, format: format) } catch { throw CLIFailure(error) }
        CLIReport.line("QR: \(printable.qrPayload)")
        try CLIFiles.write(pdf, to: signature.out)
    }
}
