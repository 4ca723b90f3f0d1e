import Foundation
import TestSupport
import Testing
@testable import EInvoicingXML

@Suite("Signing certificates")
struct CertificateTests {
    let files: TestCertificates
    init() throws { files = try TestCertificates.shared.get() }

    @Test func pkcs12ExposesSubjectRUCAndValidity() throws {
        let certificate = try SigningCertificate.pkcs12(files.data("cert.p12"), password: TestCertificates.password)
        #expect(certificate.subject.contains("CN=20100070970"))
        #expect(certificate.subject.contains("O=Bodega Rosa Ñañez"), "UTF-8 kept, not escaped: \(certificate.subject)")
        #expect(certificate.ruc == "20100070970")
        let days = certificate.notAfter.timeIntervalSince(certificate.notBefore) / 86_400
        #expect(abs(days - 730) < 1)
        #expect(abs(certificate.notBefore.timeIntervalSinceNow) < 3_600)
        try certificate.check(at: Date(), issuerRUC: "20100070970")
    }

    @Test func legacyEncryptedPKCS12Loads() throws {
        let certificate = try SigningCertificate.pkcs12(files.data("legacy.p12"), password: TestCertificates.password)
        #expect(certificate.ruc == "20100070970")
    }

    @Test func pemAsTwoBlobsOrOneLoadsTheSameCertificate() throws {
        let key = try files.data("key.pem"), cert = try files.data("cert.pem")
        let separate = try SigningCertificate.pem(key: key, certificate: cert)
        let combined = try SigningCertificate.pem(key: cert + key, certificate: cert + key)
        #expect(separate.subject == combined.subject)
        #expect(separate.certificateDER == combined.certificateDER)
        #expect(separate.ruc == "20100070970")
    }

    @Test func encryptedPEMKeyNeedsItsPassword() throws {
        let key = try files.data("key-encrypted.pem"), cert = try files.data("cert.pem")
        let certificate = try SigningCertificate.pem(key: key, certificate: cert, password: TestCertificates.password)
        #expect(certificate.ruc == "20100070970")
        #expect(throws: CertificateError.wrongPassword) {
            try SigningCertificate.pem(key: key, certificate: cert, password: "otra-clave")
        }
        #expect(throws: CertificateError.unreadable("the PEM key is encrypted; a password is needed")) {
            try SigningCertificate.pem(key: key, certificate: cert)
        }
    }

    @Test func wrongPasswordIsReported() throws {
        #expect(throws: CertificateError.wrongPassword) {
            try SigningCertificate.pkcs12(files.data("cert.p12"), password: "otra-clave")
        }
        #expect(throws: CertificateError.wrongPassword) {
            try SigningCertificate.pkcs12(files.data("legacy.p12"), password: "")
        }
    }

    @Test func garbageIsUnreadable() throws {
        let garbage = Data("esto no es un certificado".utf8)
        #expect {
            try SigningCertificate.pkcs12(garbage, password: TestCertificates.password)
        } throws: { ($0 as? CertificateError).map { if case .unreadable = $0 { true } else { false } } ?? false }
        #expect {
            try SigningCertificate.pem(key: files.data("key.pem"), certificate: garbage)
        } throws: { ($0 as? CertificateError).map { if case .unreadable = $0 { true } else { false } } ?? false }
    }

    @Test func missingOrForeignPrivateKeyIsRefused() throws {
        #expect(throws: CertificateError.missingPrivateKey) {
            try SigningCertificate.pkcs12(files.data("nokey.p12"), password: TestCertificates.password)
        }
        #expect(throws: CertificateError.missingPrivateKey) {
            try SigningCertificate.pem(key: files.data("cert.pem"), certificate: files.data("cert.pem"))
        }
        #expect(throws: CertificateError.unreadable("the private key does not belong to the certificate")) {
            try SigningCertificate.pem(key: files.data("other-key.pem"), certificate: files.data("cert.pem"))
        }
    }

    @Test func expiredCertificateIsRefused() throws {
        let certificate = try SigningCertificate.pem(key: files.data("expired-key.pem"), certificate: files.data("expired-cert.pem"))
        let notAfter = Date(timeIntervalSince1970: 1_609_459_200)  // 2021-01-01T00:00:00Z
        #expect(certificate.notAfter == notAfter)
        #expect(throws: CertificateError.expired(notAfter: notAfter)) {
            try certificate.check(at: Date(), issuerRUC: "20100070970")
        }
        // Midnight UTC is still 31 December in Lima, which is what the owner reads.
        #expect(CertificateError.expired(notAfter: notAfter).message.contains("venció el 31/12/2020"))
        try certificate.check(at: Date(timeIntervalSince1970: 1_590_969_600), issuerRUC: "20100070970")  // 2020-06-01
    }

    @Test func notYetValidCertificateIsRefused() throws {
        let certificate = try SigningCertificate.pem(key: files.data("expired-key.pem"), certificate: files.data("expired-cert.pem"))
        let notBefore = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01T00:00:00Z
        #expect(throws: CertificateError.notYetValid(notBefore)) {
            try certificate.check(at: notBefore.addingTimeInterval(-1), issuerRUC: "20100070970")
        }
    }

    @Test func anotherCompanysCertificateIsRefused() throws {
        let certificate = try SigningCertificate.pkcs12(files.data("other.p12"), password: TestCertificates.password)
        #expect(certificate.ruc == "20131312955", "RUC read from serialNumber")
        let error = CertificateError.rucMismatch(certificate: "20131312955", issuer: "20100070970")
        #expect(throws: error) { try certificate.check(at: Date(), issuerRUC: "20100070970") }
        #expect(error.message == "certificate.subject: el certificado digital pertenece al RUC 20131312955, pero el comprobante lo emite el RUC 20100070970")
        #expect(error.messageEn.hasPrefix("certificate.subject: the certificate belongs to RUC 20131312955"))
    }

    @Test(arguments: [
        ("CN=20100070970", "20100070970"), ("VATPE-20100070970", "20100070970"), ("RUC: 10277354981 ", "10277354981"),
        ("DNI 12345678", nil), ("123456789012", nil), ("Juan Pérez", nil),
    ] as [(String, String?)])
    func rucIsElevenConsecutiveDigits(value: String, ruc: String?) {
        #expect(SubjectRUC.find(in: [(nid: 13, value: value)]) == ruc)
    }

    @Test func serialNumberWinsOverCommonName() {
        let attributes: [(nid: Int32, value: String)] = [(13, "20000000001"), (105, "20100070970")]
        #expect(SubjectRUC.find(in: attributes) == "20100070970")
    }
}
