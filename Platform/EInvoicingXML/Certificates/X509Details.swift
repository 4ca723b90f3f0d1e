import CXMLSec
import Foundation

/// What the signer and the user need to know about a certificate, read from OpenSSL.
struct X509Details {
    let subject: String
    let issuer: String
    let notBefore: Date?
    let notAfter: Date?
    let subjectAttributes: [(nid: Int32, value: String)]

    init(_ certificate: OpaquePointer) {
        defer { clearOpenSSLErrors() }
        subject = Self.text(of: X509_get_subject_name(certificate))
        issuer = Self.text(of: X509_get_issuer_name(certificate))
        notBefore = Self.date(X509_get0_notBefore(certificate))
        notAfter = Self.date(X509_get0_notAfter(certificate))
        subjectAttributes = Self.attributes(of: X509_get_subject_name(certificate))
    }

    private static func text(of name: OpaquePointer?) -> String {
        guard let name, let bio = MemoryBIO(), cxmlsec_print_name(bio.pointer, name) >= 0 else { return "" }
        return String(decoding: bio.contents, as: UTF8.self)
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    private static func attributes(of name: OpaquePointer?) -> [(nid: Int32, value: String)] {
        guard let name else { return [] }
        return (0..<X509_NAME_entry_count(name)).compactMap { index in
            guard let entry = X509_NAME_get_entry(name, index),
                  let value = utf8(X509_NAME_ENTRY_get_data(entry)) else { return nil }
            return (OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry)), value)
        }
    }

    /// Attribute values come in several ASN.1 string types (BMP, UTF-8, printable...).
    private static func utf8(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String? {
        guard let string else { return nil }
        var bytes: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&bytes, string)
        guard let bytes, length >= 0 else { return nil }
        defer { cxmlsec_openssl_free(bytes) }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
    }
}
