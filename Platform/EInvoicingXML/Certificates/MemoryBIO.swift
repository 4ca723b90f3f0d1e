import CXMLSec
import Foundation

/// An OpenSSL memory BIO, freed with this object. It copies the bytes it is given, so no
/// Swift buffer has to outlive a call.
final class MemoryBIO {
    let pointer: OpaquePointer

    init?() {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        pointer = bio
    }

    convenience init?(_ data: Data) {
        self.init()
        guard data.count < Int(Int32.max) else { return nil }
        let written = data.withUnsafeBytes { BIO_write(pointer, $0.baseAddress, Int32($0.count)) }
        guard written == data.count || data.isEmpty else { return nil }
    }

    deinit { BIO_free(pointer) }

    var contents: Data {
        var bytes: UnsafePointer<CChar>?
        let length = cxmlsec_bio_contents(pointer, &bytes)
        guard let bytes, length > 0 else { return Data() }
        return Data(bytes: bytes, count: length)
    }
}

/// OpenSSL keeps failures in a per-thread queue; leaving them there would make a later,
/// unrelated OpenSSL call on this thread (xmlsec's, for one) report a stale error.
func clearOpenSSLErrors() {
    ERR_clear_error()
}
