import Foundation
import TestSupport
import Testing
@testable import EInvoicingXML

@Suite("Digest value for the QR code")
struct DigestValueTests {
    @Test(arguments: SignatureAlgorithm.allCases)
    func digestValueIsTheOneInTheSignature(algorithm: SignatureAlgorithm) throws {
        let signed = try TestSigner.sign(Fixtures.invoice, algorithm)
        let inXML = try #require(signed.text.between("<ds:DigestValue>", "</ds:DigestValue>"))
        #expect(try XMLSigner.digestValue(of: signed) == inXML)
    }

    /// Recomputes the reference digest with other tools: xmllint canonicalises the unsigned
    /// document (the enveloped transform removes exactly what was added) and openssl hashes it.
    @Test(arguments: [(SignatureAlgorithm.rsaSHA256, "--exc-c14n", "-sha256"), (.rsaSHA1, "--c14n", "-sha1")])
    func digestValueMatchesAnIndependentComputation(algorithm: SignatureAlgorithm, c14n: String, hash: String) throws {
        let files = try TestCertificates.shared.get()
        let name = UUID().uuidString
        try Fixtures.invoice.write(to: files.url("\(name).xml"))
        let canonical = try Shell.run("xmllint", [c14n, files.url("\(name).xml").path])
        try #require(canonical.status == 0)
        try Data(canonical.output.utf8).write(to: files.url("\(name).c14n"))
        try Shell.require("openssl", ["dgst", hash, "-binary", "-out", files.url("\(name).bin").path, files.url("\(name).c14n").path])
        let expected = try files.data("\(name).bin").base64EncodedString()
        let signed = try TestSigner.sign(Fixtures.invoice, algorithm)
        #expect(try XMLSigner.digestValue(of: signed) == expected)
    }
}
