import Foundation
import TestSupport
import Testing
@testable import EInvoicingXML

@Suite("XML-DSig signing")
struct SigningTests {
    static let documents: [(String, Data)] = [
        ("invoice", Fixtures.invoice), ("creditNote", Fixtures.creditNote), ("voided", Fixtures.voidedDocuments),
    ]

    @Test(arguments: SignatureAlgorithm.allCases)
    func xmlsec1AcceptsTheSignature(algorithm: SignatureAlgorithm) throws {
        let signed = try TestSigner.sign(Fixtures.invoice, algorithm)
        let result = try XMLSecCLI.verify(signed)
        #expect(result.status == 0 && result.output.contains("OK"), "xmlsec1 said: \(result.output)")
        #expect(try XMLSigner.verify(signed))
    }

    @Test(arguments: SignatureAlgorithm.allCases)
    func tamperedAmountFailsVerification(algorithm: SignatureAlgorithm) throws {
        let signed = try TestSigner.sign(Fixtures.invoice, algorithm)
        let tampered = signed.replacingFirst(#"<cbc:PayableAmount currencyID="PEN">118.00"#,
                                             with: #"<cbc:PayableAmount currencyID="PEN">119.00"#)
        #expect(tampered.count == signed.count && tampered != signed)
        let result = try XMLSecCLI.verify(tampered)
        #expect(result.status != 0, "xmlsec1 should reject: \(result.output)")
        #expect(try XMLSigner.verify(tampered) == false)
    }

    @Test(arguments: documents)
    func everyDocumentTypeSignsAndVerifies(name: String, document: Data) throws {
        let signed = try TestSigner.sign(document)
        let result = try XMLSecCLI.verify(signed)
        #expect(result.status == 0, "\(name): \(result.output)")
    }

    @Test func signatureSitsInTheFirstExtensionContent() throws {
        let signed = try TestSigner.sign(Fixtures.invoice).text
        #expect(signed.contains(#"<ext:ExtensionContent><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="SignatureSP">"#))
        #expect(signed.contains("</ds:Signature></ext:ExtensionContent>"))
        #expect(signed.contains(#"<ds:Reference URI="">"#))
        #expect(signed.contains(#"<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>"#))
        let embedded = try #require(signed.between("<ds:X509Certificate>", "</ds:X509Certificate>"))
        let pem = try TestCertificates.shared.get().data("cert.pem").text
        let expected = try #require(pem.between("-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----"))
        #expect(embedded.filter { !$0.isWhitespace } == expected.filter { !$0.isWhitespace })
    }

    @Test func algorithmsAreDeclaredAsChosen() throws {
        let sha256 = try TestSigner.sign(Fixtures.invoice, .rsaSHA256).text
        #expect(sha256.contains(#"<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>"#))
        #expect(sha256.contains(#"<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>"#))
        #expect(sha256.contains(#"<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>"#))
        let sha1 = try TestSigner.sign(Fixtures.invoice, .rsaSHA1).text
        #expect(sha1.contains(#"<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>"#))
        #expect(sha1.contains(#"<ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1"/>"#))
        #expect(sha1.contains(#"<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>"#))
    }

    @Test func customSignatureID() throws {
        let signed = try XMLSigner.sign(Fixtures.creditNote, with: TestSigner.certificate(), signatureID: "MultinichoSign")
        #expect(signed.text.contains(#"Id="MultinichoSign""#))
    }

    /// The empty-slot styles differ: `<x/>` must become `<x>…</x>`, the others only gain
    /// the signature before their end tag.
    @Test(arguments: documents)
    func bytesOutsideTheSignatureAreUnchanged(name: String, document: Data) throws {
        let signed = try TestSigner.sign(document)
        let unsigned = try #require(signed.removingSignature())
        let expected = name == "invoice"
            ? document.replacingFirst("<ext:ExtensionContent/>", with: "<ext:ExtensionContent></ext:ExtensionContent>")
            : document
        #expect(unsigned == expected)
    }

    /// Single quotes, a standalone declaration, character references, CRLF line ends, a
    /// comment that looks like the slot and CDATA: a re-serialising signer would change
    /// them all, and the splice must skip the look-alikes.
    @Test func unusualFormattingSurvivesByteForByte() throws {
        let original = Data(("<?xml version='1.0' encoding='utf-8' standalone='no'?>\r\n"
            + "<!-- <ext:ExtensionContent/> -->\r\n"
            + Fixtures.invoiceText.split(separator: "\n").dropFirst().joined(separator: "\r\n")
                .replacingOccurrences(of: "Panadería", with: "Panader&#237;a")
                .replacingOccurrences(of: "<cbc:Name>Bodega Rosa</cbc:Name>", with: "<cbc:Name><![CDATA[Bodega <Rosa>]]></cbc:Name>")
                .replacingOccurrences(of: #"<cbc:ID schemeID="6">20131312955"#, with: "<cbc:ID schemeID='6' >20131312955")
        ).utf8)
        let signed = try TestSigner.sign(original)
        let unsigned = try #require(signed.removingSignature())
        #expect(unsigned == original.replacingFirst("<ext:ExtensionContent/>\r\n",
                                                    with: "<ext:ExtensionContent></ext:ExtensionContent>\r\n"))
        let result = try XMLSecCLI.verify(signed)
        #expect(result.status == 0, "xmlsec1 said: \(result.output)")
    }

    @Test func signsTheFirstEmptySlotAfterANonEmptyOne() throws {
        let filled = """
            <ext:UBLExtension>
                  <ext:ExtensionContent><sac:AdditionalInformation xmlns:sac="urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1"/></ext:ExtensionContent>
                </ext:UBLExtension>
                <ext:UBLExtension>
            """
        let document = Fixtures.invoice.replacingFirst("<ext:UBLExtension>", with: filled)
        let signed = try TestSigner.sign(document).text
        #expect(signed.contains("</ext:ExtensionContent>\n    </ext:UBLExtension>\n    <ext:UBLExtension>\n      <ext:ExtensionContent><ds:Signature"))
        #expect(try XMLSecCLI.verify(Data(signed.utf8)).status == 0)
    }

    @Test func aSignedDocumentCannotBeSignedAgain() throws {
        let signed = try TestSigner.sign(Fixtures.invoice)
        #expect(throws: SigningError.missingSignatureSlot) { try TestSigner.sign(signed) }
    }

    @Test func malformedOrUnsignedInputIsReported() throws {
        #expect {
            try TestSigner.sign(Data("<Invoice><cbc:ID>".utf8))
        } throws: { ($0 as? SigningError).map { if case .malformedXML(let detail) = $0 { detail.hasPrefix("line 1:") } else { false } } ?? false }
        #expect(throws: SigningError.missingSignature) { try XMLSigner.verify(Fixtures.invoice) }
        #expect(throws: SigningError.missingSignature) { try XMLSigner.digestValue(of: Fixtures.invoice) }
        let noSlot = Data(Fixtures.invoiceText.replacingOccurrences(of: "ext:ExtensionContent", with: "ext:Other").utf8)
        #expect(throws: SigningError.missingSignatureSlot) { try TestSigner.sign(noSlot) }
    }

    /// RSA PKCS#1 v1.5 is deterministic: the same key read from PEM or PKCS#12 gives the
    /// same bytes, and signing twice gives the same document.
    @Test func signingIsDeterministicAcrossKeyFormats() throws {
        let files = try TestCertificates.shared.get()
        let pem = try SigningCertificate.pem(key: files.data("key.pem"), certificate: files.data("cert.pem"))
        let fromPEM = try XMLSigner.sign(Fixtures.invoice, with: pem)
        #expect(fromPEM == (try TestSigner.sign(Fixtures.invoice)))
    }

    @Test func concurrentSigningIsSafe() async throws {
        let certificate = try TestSigner.certificate()
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let document = Fixtures.invoice.replacingFirst("F001-123", with: "F001-\(1000 + index)")
                    return try XMLSigner.verify(XMLSigner.sign(document, with: certificate))
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 16))
    }
}
