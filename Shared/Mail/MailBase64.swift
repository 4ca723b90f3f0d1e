import Foundation

/// Base64 as MIME bodies carry it (RFC 2045 §6.8).
enum MailBase64 {
    /// Lines of at most 76 characters, joined by CRLF, no trailing CRLF.
    static func lines(_ data: Data) -> String {
        let encoded = Array(data.base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: 76)
            .map { String(decoding: encoded[$0..<min($0 + 76, encoded.count)], as: UTF8.self) }
            .joined(separator: "\r\n")
    }

    /// Decodes base64, skipping line breaks and any other character outside the
    /// alphabet and tolerating missing padding.
    ///
    /// Foundation's decoder rejects a whole attachment over one stray character
    /// or a truncated last line; a mail viewer should show what it can.
    static func decode(_ bytes: some Sequence<UInt8>) -> Data {
        var output = Data()
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            // Padding ends a chunk; some mailers concatenate padded chunks.
            if byte == UInt8(ascii: "=") {
                bits = 0
                continue
            }
            guard let value = sextet(byte) else { continue }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
