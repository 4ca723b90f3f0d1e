import ConsoleKit
import EInvoiceEngine
import EInvoicingXML
import Foundation

/// `einvoice sign doc.json --cert cert.p12`: the signed XML, ready to zip and send.
struct EInvoiceSignCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "document", help: "JSON document, or unsigned UBL XML (e.g. edited output of build).")
        var document: String
        @Option(name: "cert", help: "Certificate: .p12/.pfx, or PEM (with --key unless the key is in the same file).")
        var cert: String?
        @Option(name: "key", help: "PEM private key, when not inside --cert.")
        var key: String?
        @Option(name: "password", help: "Certificate password; or set EINVOICE_CERT_PASSWORD.")
        var password: String?
        @Flag(name: "sha1", help: "Sign with RSA-SHA1 and SHA-1 digests instead of RSA-SHA256.")
        var sha1: Bool
        @Option(name: "out", short: "o", help: "Where to write the signed XML (default: stdout).")
        var out: String?

        init() {}
    }

    var help: String { "Builds and signs a JSON document (or signs a UBL XML file) with XML-DSig." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let signer = EInvoiceSigner(
            certificate: try CLIFiles.certificate(signature.cert, key: signature.key, password: signature.password),
            algorithm: signature.sha1 ? .rsaSHA1 : .rsaSHA256)
        let data = try CLIFiles.read(signature.document)
        let signed = try Self.sign(data, with: signer)
        CLIReport.line("signed \(signed.fileName).xml, DigestValue \(signed.digest)")
        try CLIFiles.write(signed.xml, to: signature.out)
    }

    typealias Signed = (xml: Data, fileName: String, digest: String)

    static func sign(_ data: Data, with signer: EInvoiceSigner) throws(CLIFailure) -> Signed {
        if data.first(where: { !Character(UnicodeScalar($0)).isWhitespace }) == UInt8(ascii: "<") {
            do {
                let signed = try signer.sign(xml: data)
                return (signed.xml, "document", signed.digestValue)
            } catch { throw CLIFailure(error) }
        }
        let input: DocumentInput
        do { input = try DocumentInput.decode(json: data) } catch { throw CLIFailure(error) }
        do { return try sign(input, with: signer) } catch { throw CLIFailure(error) }
    }

    private static func sign(_ input: DocumentInput, with signer: EInvoiceSigner) throws(EngineError) -> Signed {
        switch input {
        case .invoice(let document):
            let signed = try signer.sign(document)
            CLIReport.totals(signed.calculated)
            return (signed.xml, signed.fileName, signed.digestValue)
        case .dailySummary(let summary):
            let signed = try signer.sign(summary)
            return (signed.xml, signed.fileName, signed.digestValue)
        case .voided(let voided):
            let signed = try signer.sign(voided)
            return (signed.xml, signed.fileName, signed.digestValue)
        }
    }
}
