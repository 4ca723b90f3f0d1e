/// Finds `=?charset?encoding?text?=` words in a header value.
enum EncodedWordScanner {
    enum Token: Equatable {
        case text([UInt8])
        case word(charset: String, bytes: [UInt8])
    }

    /// Plain runs and decoded words, in order. Anything that only looks like the
    /// start of a word stays plain text.
    static func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var plain: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if let (token, end) = word(in: bytes, at: index) {
                if !plain.isEmpty { tokens.append(.text(plain)) }
                plain = []
                tokens.append(token)
                index = end
            } else {
                plain.append(bytes[index])
                index += 1
            }
        }
        if !plain.isEmpty { tokens.append(.text(plain)) }
        return tokens
    }

    private static func word(in bytes: [UInt8], at start: Int) -> (Token, end: Int)? {
        guard start + 1 < bytes.count, bytes[start] == UInt8(ascii: "="), bytes[start + 1] == UInt8(ascii: "?"),
              let charsetEnd = field(in: bytes, from: start + 2), charsetEnd > start + 2,
              charsetEnd + 2 < bytes.count, bytes[charsetEnd + 2] == UInt8(ascii: "?"),
              let textEnd = field(in: bytes, from: charsetEnd + 3),
              textEnd + 1 < bytes.count, bytes[textEnd + 1] == UInt8(ascii: "=") else { return nil }
        // RFC 2231 §5 lets a language follow the charset: "UTF-8*es".
        let charsetField = String(decoding: bytes[(start + 2)..<charsetEnd], as: UTF8.self)
        let charset = String(charsetField.split(separator: "*", omittingEmptySubsequences: false)[0])
        let text = bytes[(charsetEnd + 3)..<textEnd]
        switch bytes[charsetEnd + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"):
            return (.word(charset: charset, bytes: Array(MailBase64.decode(text))), textEnd + 2)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            return (.word(charset: charset, bytes: qDecode(text)), textEnd + 2)
        default:
            return nil
        }
    }

    /// Index of the "?" that ends a field starting at `start`; a field holds no
    /// whitespace, so a stray "=?" in ordinary text is not taken for a word.
    private static func field(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "?") { return index }
            if byte <= .space || byte == 127 { return nil }
            index += 1
        }
        return nil
    }

    /// RFC 2047 §4.2: quoted-printable with "_" for a space.
    private static func qDecode(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "="), let byte = MailHex.value(text, at: index + 1) {
                output.append(byte)
                index += 3
            } else {
                output.append(text[index] == UInt8(ascii: "_") ? .space : text[index])
                index += 1
            }
        }
        return output
    }
}
