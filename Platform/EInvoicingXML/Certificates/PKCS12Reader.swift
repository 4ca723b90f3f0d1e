import CXMLSec
import Foundation

extension OpenSSLCredentials {
    /// Opens a .pfx/.p12: checks the password against the file's MAC first, so a wrong
    /// password is told apart from a damaged file, then extracts the key and its certificate.
    static func pkcs12(_ data: Data, password: String) throws(CertificateError) -> OpenSSLCredentials {
        defer { clearOpenSSLErrors() }
        guard let bio = MemoryBIO(data), let p12 = d2i_PKCS12_bio(bio.pointer, nil) else {
            throw .unreadable("not a PKCS#12 file")
        }
        defer { PKCS12_free(p12) }
        if PKCS12_mac_present(p12) == 1, !macMatches(p12, password) { throw .wrongPassword }
        var parsed = parse(p12, password)
        if parsed == nil, LegacyProvider.isLoaded {
            parsed = parse(p12, password)
        }
        guard let (key, certificate) = parsed else { throw .unreadable("the PKCS#12 contents could not be decrypted") }
        // Without a key, PKCS12_parse leaves even a present certificate among the "CA" ones.
        guard let key else {
            if let certificate { X509_free(certificate) }
            throw .missingPrivateKey
        }
        guard let certificate else {
            EVP_PKEY_free(key)
            throw .unreadable("the PKCS#12 file holds no certificate for its key")
        }
        return try OpenSSLCredentials(key: key, certificate: certificate)
    }

    /// An empty password may have been applied as "no password" or as "", depending on
    /// the tool that made the file; PKCS12_parse tries both too.
    private static func macMatches(_ p12: OpaquePointer, _ password: String) -> Bool {
        if PKCS12_verify_mac(p12, password, -1) == 1 { return true }
        return password.isEmpty && PKCS12_verify_mac(p12, nil, 0) == 1
    }

    private static func parse(_ p12: OpaquePointer, _ password: String) -> (OpaquePointer?, OpaquePointer?)? {
        var key: OpaquePointer?
        var certificate: OpaquePointer?
        var chain: OpaquePointer?
        guard PKCS12_parse(p12, password, &key, &certificate, &chain) == 1 else { return nil }
        // Only the signer's certificate goes into the signature, as SUNAT expects.
        if let chain { cxmlsec_free_certificate_stack(chain) }
        return (key, certificate)
    }
}

/// Certificates exported by older Windows tools (many SUNAT users' .pfx files) encrypt with
/// RC2-40 or similar, which OpenSSL 3 only offers through its "legacy" provider. It is
/// loaded once, and only when a file needs it, next to the default provider (loading any
/// provider explicitly would otherwise switch the default one off).
enum LegacyProvider {
    static let isLoaded: Bool = {
        guard OSSL_PROVIDER_load(nil, "default") != nil else { return false }
        return OSSL_PROVIDER_load(nil, "legacy") != nil
    }()
}
