import Foundation
import Shared

/// Why a signing certificate cannot be used.
public enum CertificateError: Error, Equatable, Sendable {
    /// The PKCS#12 password does not open the file.
    case wrongPassword
    /// Not a certificate we can read; the text says why (in English, for logs).
    case unreadable(String)
    case expired(notAfter: Date)
    /// The certificate only becomes valid at this date.
    case notYetValid(Date)
    /// The RUC in the certificate's subject is not the issuer's.
    case rucMismatch(certificate: String, issuer: String)
    case missingPrivateKey

    /// The input this error is about, as a JSON-style path.
    public var field: String {
        switch self {
        case .wrongPassword: "certificate.password"
        case .unreadable: "certificate"
        case .expired: "certificate.notAfter"
        case .notYetValid: "certificate.notBefore"
        case .rucMismatch: "certificate.subject"
        case .missingPrivateKey: "certificate.privateKey"
        }
    }

    /// Message for the business owner, in Spanish.
    public var message: String {
        switch self {
        case .wrongPassword: "\(field): la contraseña del certificado digital no es correcta"
        case .unreadable: "\(field): el archivo no es un certificado digital que se pueda leer (.pfx, .p12 o PEM)"
        case .expired(let date): "\(field): el certificado digital venció el \(CertificateDate.text(date))"
        case .notYetValid(let date): "\(field): el certificado digital recién será válido desde el \(CertificateDate.text(date))"
        case .rucMismatch(let certificate, let issuer):
            "\(field): el certificado digital pertenece al RUC \(certificate), pero el comprobante lo emite el RUC \(issuer)"
        case .missingPrivateKey: "\(field): el archivo no contiene la clave privada del certificado digital"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .wrongPassword: "\(field): wrong password for the certificate"
        case .unreadable(let reason): "\(field): unreadable certificate: \(reason)"
        case .expired(let date): "\(field): the certificate expired on \(CertificateDate.text(date))"
        case .notYetValid(let date): "\(field): the certificate is only valid from \(CertificateDate.text(date))"
        case .rucMismatch(let certificate, let issuer):
            "\(field): the certificate belongs to RUC \(certificate), but the document is issued by RUC \(issuer)"
        case .missingPrivateKey: "\(field): the file holds no private key"
        }
    }
}

/// Dates in messages are days in Lima, where the business owner reads them, as dd/mm/yyyy.
enum CertificateDate {
    static func text(_ date: Date) -> String {
        LimaDate(date).formatted
    }
}
