/// RFC 2231 parameter values: `filename*=UTF-8''Bolet%C3%ADn.pdf`, possibly split
/// into continuations `filename*0*=…; filename*1*=…`.
enum RFC2231 {
    /// `UTF-8''` followed by the percent-encoded UTF-8 of `text`.
    static func encode(_ text: String) -> String {
        "UTF-8''" + text.utf8.map { isAttributeChar($0) ? String(UnicodeScalar($0)) : "%" + MailHex.byte($0) }.joined()
    }

    /// Parameters by name, with extended and continued values decoded; an
    /// extended value wins over a plain one of the same name, as §4 intends.
    static func assemble(_ pairs: [(name: String, value: String)]) -> [String: String] {
        var plain: [String: String] = [:]
        var segments: [String: [(number: Int, isEncoded: Bool, value: String)]] = [:]
        for (name, value) in pairs {
            let pieces = name.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            let base = pieces[0]
            if pieces.count == 1 {
                if plain[base] == nil { plain[base] = value }
            } else if let number = Int(pieces[1]) {
                segments[base, default: []].append((number, pieces.count > 2, value))
            } else {
                segments[base, default: []].append((0, true, value))
            }
        }
        for (base, parts) in segments {
            plain[base] = joined(parts.sorted { $0.number < $1.number })
        }
        return plain
    }

    private static func joined(_ parts: [(number: Int, isEncoded: Bool, value: String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (offset, part) in parts.enumerated() {
            guard part.isEncoded else {
                bytes += Array(part.value.utf8)
                continue
            }
            var value = part.value[...]
            // Only the first segment carries `charset'language'`.
            if offset == 0, let quotes = charsetAndLanguageEnd(value) {
                charset = String(value[..<quotes.charsetEnd])
                value = value[quotes.valueStart...]
            }
            bytes += percentDecoded(Array(value.utf8))
        }
        return MailCharset.decode(bytes, charset: charset)
    }

    private static func charsetAndLanguageEnd(_ value: Substring) -> (charsetEnd: String.Index, valueStart: String.Index)? {
        guard let first = value.firstIndex(of: "'"),
              let second = value[value.index(after: first)...].firstIndex(of: "'") else { return nil }
        return (first, value.index(after: second))
    }

    private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), let byte = MailHex.value(bytes[...], at: index + 1) {
                output.append(byte)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// `attribute-char` (§7): printable ASCII except space, "*", "'", "%" and tspecials.
    private static func isAttributeChar(_ byte: UInt8) -> Bool {
        (33...126).contains(byte) && !"*'%()<>@,;:\\\"/[]?=".utf8.contains(byte)
    }
}
