import CXMLSec
import Foundation

/// A private key and its certificate as OpenSSL objects, freed with this object.
final class OpenSSLCredentials {
    let key: OpaquePointer
    let certificate: OpaquePointer

    /// Takes ownership of both; refuses a key that is not RSA or does not match.
    init(key: OpaquePointer, certificate: OpaquePointer) throws(CertificateError) {
        self.key = key
        self.certificate = certificate
        defer { clearOpenSSLErrors() }
        // SUNAT's signature methods are RSA ones; an EC key could not sign with them.
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else { throw .unreadable("the private key is not an RSA key") }
        guard X509_check_private_key(certificate, key) == 1 else {
            throw .unreadable("the private key does not belong to the certificate")
        }
    }

    deinit {
        EVP_PKEY_free(key)
        X509_free(certificate)
    }

    static func pem(key: Data, certificate: Data, password: String?) throws(CertificateError) -> OpenSSLCredentials {
        defer { clearOpenSSLErrors() }
        guard let certificateBIO = MemoryBIO(certificate), let keyBIO = MemoryBIO(key) else {
            throw .unreadable("out of memory")
        }
        // Never a nil password to OpenSSL's PEM readers: they would prompt on the terminal.
        let (pemCertificate, privateKey) = (password ?? "").withCString { secret in
            let pointer = UnsafeMutableRawPointer(mutating: secret)
            return (PEM_read_bio_X509(certificateBIO.pointer, nil, nil, pointer),
                    PEM_read_bio_PrivateKey(keyBIO.pointer, nil, nil, pointer))
        }
        // A PEM certificate, or failing that a DER one (some CAs hand out .cer files).
        guard let x509 = pemCertificate ?? MemoryBIO(certificate).flatMap({ d2i_X509_bio($0.pointer, nil) }) else {
            if let privateKey { EVP_PKEY_free(privateKey) }
            throw .unreadable("no PEM or DER certificate found")
        }
        guard let privateKey else {
            X509_free(x509)
            throw keyFailure(encrypted: String(decoding: key, as: UTF8.self).contains("ENCRYPTED"), password: password)
        }
        return try OpenSSLCredentials(key: privateKey, certificate: x509)
    }

    private static func keyFailure(encrypted: Bool, password: String?) -> CertificateError {
        if encrypted { return password == nil ? .unreadable("the PEM key is encrypted; a password is needed") : .wrongPassword }
        return .missingPrivateKey
    }

    func signingCertificate() throws(CertificateError) -> SigningCertificate {
        let details = X509Details(certificate)
        guard let notBefore = details.notBefore, let notAfter = details.notAfter else {
            throw .unreadable("the certificate has no readable validity dates")
        }
        guard let keyPEM = exportKey(), let certificateDER = exportCertificate() else {
            throw .unreadable("the key or certificate could not be exported")
        }
        return SigningCertificate(
            subject: details.subject, issuer: details.issuer, notBefore: notBefore, notAfter: notAfter,
            ruc: SubjectRUC.find(in: details.subjectAttributes), privateKeyPEM: keyPEM, certificateDER: certificateDER)
    }

    /// Unencrypted PKCS#8 PEM, the form xmlsec loads without a password callback.
    private func exportKey() -> Data? {
        guard let bio = MemoryBIO(), PEM_write_bio_PrivateKey(bio.pointer, key, nil, nil, 0, nil, nil) == 1 else { return nil }
        return bio.contents
    }

    private func exportCertificate() -> Data? {
        guard let bio = MemoryBIO(), i2d_X509_bio(bio.pointer, certificate) == 1 else { return nil }
        return bio.contents
    }
}
