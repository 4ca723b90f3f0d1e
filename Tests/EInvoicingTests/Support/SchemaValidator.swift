import Foundation
import Testing

/// Runs libxml2's `xmllint --schema` against the XSDs bundled in the repo.
enum SchemaValidator {
    enum Schema: String {
        case invoice = "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd"
        case creditNote = "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd"
        case debitNote = "ubl-2.1/maindoc/UBL-DebitNote-2.1.xsd"
        case summary = "sunat-1.0/maindoc/UBLPE-SummaryDocuments-1.0.xsd"
        case voided = "sunat-1.0/maindoc/UBLPE-VoidedDocuments-1.0.xsd"
    }

    /// The schemas folder, found by walking up from this file (through the
    /// symlinks a throwaway package may use) to the repository root.
    static func schemasDirectory(from filePath: String = #filePath) -> URL? {
        let candidates = [URL(fileURLWithPath: filePath).resolvingSymlinksInPath(), URL(fileURLWithPath: filePath)]
        for start in candidates {
            var directory = start.deletingLastPathComponent()
            while directory.path != "/" {
                let schemas = directory.appendingPathComponent("Platform/EInvoicingXML/Schemas")
                if FileManager.default.fileExists(atPath: schemas.path) { return schemas }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }

    static var xmllint: String? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Records a test failure with xmllint's output when `xml` is not valid.
    static func expectValid(_ xml: Data, against schema: Schema, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = try #require(schemasDirectory(), "bundled XSDs not found", sourceLocation: sourceLocation)
        let tool = try #require(xmllint, "xmllint is not installed", sourceLocation: sourceLocation)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("einv-\(UUID().uuidString).xml")
        try withSignature(xml, sourceLocation: sourceLocation).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try run(tool, ["--noout", "--nonet", "--schema", directory.appendingPathComponent(schema.rawValue).path, file.path])
        #expect(status == 0, "xmllint rejected the document:\n\(output)", sourceLocation: sourceLocation)
    }

    /// The unsigned document leaves `ext:ExtensionContent` empty for the
    /// signer, and the schema requires one element there. Validation therefore
    /// runs on the document as it will be sent: with a structurally complete
    /// `ds:Signature` (dummy digest and value) in that slot.
    static func withSignature(_ xml: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        let text = String(decoding: xml, as: UTF8.self)
        let slot = "<ext:ExtensionContent/>"
        #expect(text.components(separatedBy: slot).count == 2, "expected exactly one empty signature slot",
                sourceLocation: sourceLocation)
        let signature = """
            <ext:ExtensionContent><ds:Signature Id="MultinichoSign"><ds:SignedInfo>\
            <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>\
            <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>\
            <ds:Reference URI=""><ds:Transforms>\
            <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>\
            <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>\
            <ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo>\
            <ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data>\
            <ds:X509Certificate>AAAA</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></ext:ExtensionContent>
            """
        return Data(text.replacingOccurrences(of: slot, with: signature).utf8)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
