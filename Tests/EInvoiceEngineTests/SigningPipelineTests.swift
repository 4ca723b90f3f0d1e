import EInvoiceEngine
import EInvoicing
import EInvoicingXML
import Foundation
import TestSupport
import Testing

@Suite("Every document type: built, signed, schema-valid, verified by xmlsec1")
struct SigningPipelineTests {
    @Test(arguments: Samples.all)
    func signedDocumentValidatesAndVerifies(name: String) throws {
        let (signed, _) = try Samples.sign(name)
        #expect(try SchemaValidator.validate(signed) == [])
        let verified = try XMLSecCLI.verify(signed)
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("OK"))
    }

    @Test(arguments: Samples.all)
    func oneTamperedByteFailsVerification(name: String) throws {
        let (signed, _) = try Samples.sign(name)
        // Flip a digit of the issuer's RUC in the party data, after the signature.
        let signatureEnd = try #require(signed.range(of: Data("</ds:Signature>".utf8)))
        let ruc = try #require(signed.range(of: Data("20100070970".utf8), in: signatureEnd.upperBound..<signed.endIndex))
        var tampered = signed
        tampered[ruc.lowerBound + 10] = UInt8(ascii: "1")
        #expect(tampered != signed)
        let verified = try XMLSecCLI.verify(tampered)
        #expect(verified.status != 0, "xmlsec1 accepted a tampered \(name): \(verified.output)")
        #expect(try XMLSigner.verify(tampered) == false)
    }

    @Test(arguments: Samples.all)
    func signingAddsOnlyTheSignature(name: String) throws {
        let (signed, unsigned) = try Samples.sign(name)
        let expanded = unsigned.text.replacingOccurrences(
            of: "<ext:ExtensionContent/>", with: "<ext:ExtensionContent></ext:ExtensionContent>")
        #expect(try #require(signed.removingSignature()).text == expanded)
        #expect(signed.text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(signed.text.contains(#"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="\#(UBLBuilder.signatureID)">"#))
    }

    @Test func rsaSHA1IsSelectable() throws {
        let (signed, _) = try Samples.sign("factura", .rsaSHA1)
        #expect(signed.text.contains("http://www.w3.org/2000/09/xmldsig#rsa-sha1"))
        #expect(signed.text.contains(#"<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>"#))
        #expect(try XMLSecCLI.verify(signed).status == 0)
    }

    @Test func digestValueAndFileNameComeWithTheDocument() throws {
        let signed = try Samples.signer().sign(Samples.document("factura"))
        #expect(signed.fileName == "20100070970-01-F001-123")
        #expect(signed.digestValue == (try XMLSigner.digestValue(of: signed.xml)))
        #expect(Data(base64Encoded: signed.digestValue)?.count == 32)
        #expect(signed.xml.text.contains("<ds:DigestValue>\(signed.digestValue)</ds:DigestValue>"))
    }

    @Test func summariesCarryTheirIDs() throws {
        guard case .dailySummary(let summary) = try Samples.input("resumen-diario"),
              case .voided(let voided) = try Samples.input("comunicacion-baja") else {
            Issue.record("the summary samples did not decode as summaries")
            return
        }
        let rc = try Samples.signer().sign(summary)
        let ra = try Samples.signer().sign(voided)
        #expect((rc.id, rc.fileName) == ("RC-20260303-1", "20100070970-RC-20260303-1"))
        #expect((ra.id, ra.fileName) == ("RA-20260304-1", "20100070970-RA-20260304-1"))
    }
}
