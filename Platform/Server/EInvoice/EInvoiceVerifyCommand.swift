import ConsoleKit
import EInvoiceEngine
import EInvoicingXML
import Foundation

/// `einvoice verify signed.xml`: is the signature intact, and does the document pass the XSD?
struct EInvoiceVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "xml", help: "Signed XML.")
        var xml: String

        init() {}
    }

    var help: String { "Verifies a signed document's XML-DSig signature and validates it against the bundled XSDs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let xml = try CLIFiles.read(signature.xml)
        let valid: Bool
        let digest: String
        do {
            valid = try XMLSigner.verify(xml)
            digest = try XMLSigner.digestValue(of: xml)
        } catch {
            throw CLIFailure(.signing(error))
        }
        let problems = EInvoiceSigner.schemaProblems(xml)
        context.console.print("signature: \(valid ? "valid" : "INVALID (the document or its signature was altered)")")
        context.console.print("DigestValue: \(digest)")
        context.console.print(problems.isEmpty ? "schema: valid" : "schema: INVALID")
        for problem in problems { context.console.print("  \(problem)") }
        guard valid, problems.isEmpty else { throw CLIFailure("verification failed") }
    }
}
