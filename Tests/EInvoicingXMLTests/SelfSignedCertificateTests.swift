import Foundation
import TestSupport
import Testing
@testable import EInvoicingXML

@Suite("Self-signed certificates for the sandbox")
struct SelfSignedCertificateTests {
    @Test func carriesTheRUCAndValidityAndSignsWhatXmlsec1Accepts() throws {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let certificate = try SigningCertificate.selfSigned(commonName: "BODEGA ROSA (SANDBOX)", ruc: "20100070970", validFrom: start, days: 365)
        #expect(certificate.ruc == "20100070970")
        #expect(certificate.subject.contains("CN=BODEGA ROSA (SANDBOX)"))
        #expect(certificate.subject == certificate.issuer, "self-signed")
        #expect(abs(certificate.notBefore.timeIntervalSince(start)) < 1)
        #expect(abs(certificate.notAfter.timeIntervalSince(start) - 365 * 86_400) < 1)
        try certificate.check(at: start.addingTimeInterval(86_400), issuerRUC: "20100070970")

        let signed = try XMLSigner.sign(Fixtures.invoice, with: certificate, algorithm: .rsaSHA256)
        let result = try XMLSecCLI.verify(signed, trustedPEM: certificate.pemPair.certificate)
        #expect(result.status == 0, "xmlsec1 said: \(result.output)")
    }

    @Test func pemPairLoadsBackAsTheSameCertificate() throws {
        let made = try SigningCertificate.selfSigned(commonName: "Prueba", ruc: nil, validFrom: Date(), days: 30)
        #expect(made.ruc == nil)
        let pair = made.pemPair
        let loaded = try SigningCertificate.pem(key: pair.key, certificate: pair.certificate)
        #expect(loaded.subject == made.subject && loaded.notAfter == made.notAfter)
        #expect(loaded.certificateDER == made.certificateDER)
    }
}
