import Foundation

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
