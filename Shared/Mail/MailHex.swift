/// Two-digit hex for quoted-printable, Q encoding and RFC 2231 percent-encoding.
enum MailHex {
    private static let digits = Array("0123456789ABCDEF".utf8)

    /// Uppercase, as RFC 2045 requires of encoders.
    static func byte(_ byte: UInt8) -> String {
        String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    /// The byte spelled by the two hex digits at `index`, either case, or nil if
    /// there are not two hex digits there.
    static func value(_ bytes: ArraySlice<UInt8>, at index: Int) -> UInt8? {
        guard index >= bytes.startIndex, index + 1 < bytes.endIndex,
              let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return nil }
        return high << 4 | low
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
