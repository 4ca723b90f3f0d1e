import Foundation
import CXMLSec

/// A certificate with its private key, ready to sign SUNAT documents.
///
/// Holds the key and certificate as plain bytes (an unencrypted PKCS#8 PEM key and the DER
/// certificate) so the value is Sendable and can be kept in memory between documents; the
/// C objects are rebuilt for each signature and freed right after.
public struct SigningCertificate: Sendable {
    public let subject: String
    public let issuer: String
    public let notBefore: Date
    public let notAfter: Date
    /// The RUC found in the subject (serialNumber, organizationIdentifier, OU or CN holding
    /// 11 consecutive digits), if any.
    public let ruc: String?

    let privateKeyPEM: Data
    let certificateDER: Data

    /// PKCS#12 (.pfx/.p12) as SUNAT users receive them, with its password.
    public static func pkcs12(_ data: Data, password: String) throws(CertificateError) -> SigningCertificate {
        try OpenSSLCredentials.pkcs12(data, password: password).signingCertificate()
    }

    /// A PEM private key and a PEM or DER certificate. Both may be the same blob (key and
    /// certificate in one file); `password` opens an encrypted PEM key.
    public static func pem(key: Data, certificate: Data, password: String? = nil) throws(CertificateError) -> SigningCertificate {
        try OpenSSLCredentials.pem(key: key, certificate: certificate, password: password).signingCertificate()
    }

    /// Refuses a certificate that is expired or not yet valid at `date`, or whose RUC is not
    /// `issuerRUC`. A certificate without a RUC in its subject (one issued to a person, as
    /// SUNAT allows once registered in SOL) passes the RUC check.
    public func check(at date: Date, issuerRUC: String) throws(CertificateError) {
        if date < notBefore { throw .notYetValid(notBefore) }
        if date > notAfter { throw .expired(notAfter: notAfter) }
        if let ruc, ruc != issuerRUC { throw .rucMismatch(certificate: ruc, issuer: issuerRUC) }
    }
}

extension SigningCertificate {
    /// A new key and a self-signed certificate for it: what a business signs with in the
    /// sandbox (and on SUNAT's beta service, which accepts any certificate) before it has
    /// bought one. `ruc` goes into the subject's serialNumber, as in SUNAT-accredited ones.
    public static func selfSigned(commonName: String, ruc: String?, validFrom: Date, days: Int) throws(CertificateError) -> SigningCertificate {
        var key: OpaquePointer?
        var certificate: OpaquePointer?
        let made = commonName.withCString { name in
            if let ruc {
                return ruc.withCString { cxmlsec_self_signed(name, $0, Int64(validFrom.timeIntervalSince1970), Int32(days), &key, &certificate) }
            }
            return cxmlsec_self_signed(name, nil, Int64(validFrom.timeIntervalSince1970), Int32(days), &key, &certificate)
        }
        guard made == 1, let key, let certificate else {
            clearOpenSSLErrors()
            throw .unreadable("OpenSSL could not make a self-signed certificate")
        }
        return try OpenSSLCredentials(key: key, certificate: certificate).signingCertificate()
    }

    /// The key (unencrypted PKCS#8 PEM) and certificate (PEM), to store and load again with `pem`.
    public var pemPair: (key: Data, certificate: Data) {
        let base64 = certificateDER.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return (privateKeyPEM, Data("-----BEGIN CERTIFICATE-----\n\(base64)\n-----END CERTIFICATE-----\n".utf8))
    }
}
