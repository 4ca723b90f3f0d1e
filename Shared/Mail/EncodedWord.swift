import Foundation

/// RFC 2047 encoded-words, the only way to put non-ASCII text in a mail header.
public enum EncodedWord: Sendable {
    /// Longest encoded-word RFC 2047 §2 allows.
    public static let maxLength = 75

    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="

    /// `text` as UTF-8 B encoded-words of at most 75 characters each, to be joined
    /// by folding whitespace. A word never ends inside a character, since some
    /// decoders decode each word on its own.
    ///
    /// `firstWordMaxLength` lets the first word fit on the header's first line
    /// next to the field name.
    public static func encode(_ text: String, firstWordMaxLength: Int = maxLength) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var capacity = byteCapacity(wordLength: firstWordMaxLength)
        for unit in units(of: text) {
            if current.count + unit.count > capacity {
                if !current.isEmpty { words.append(word(current)) }
                current = []
                capacity = byteCapacity(wordLength: maxLength)
            }
            current += unit
        }
        if !current.isEmpty { words.append(word(current)) }
        return words
    }

    /// Decodes every encoded-word in a header value (B or Q, any charset that
    /// `MailCharset` reads), dropping the whitespace between adjacent words as
    /// RFC 2047 §6.2 requires.
    public static func decode(_ header: String) -> String {
        let tokens = EncodedWordScanner.tokens(Array(header.utf8))
        return merged(tokens).map { token in
            switch token {
            case .text(let bytes): String(decoding: bytes, as: UTF8.self)
            case .word(let charset, let bytes): MailCharset.decode(bytes, charset: charset)
            }
        }.joined()
    }

    private static func byteCapacity(wordLength: Int) -> Int {
        let base64Room = min(max(wordLength, maxLength / 2), maxLength) - prefix.count - suffix.count
        return base64Room / 4 * 3
    }

    private static func word(_ bytes: [UInt8]) -> String {
        prefix + Data(bytes).base64EncodedString() + suffix
    }

    /// Whole characters, so an accent stays with its letter and an emoji with its
    /// modifiers; a character too big for one word is split between scalars,
    /// which still keeps every word valid UTF-8.
    private static func units(of text: String) -> [[UInt8]] {
        let limit = byteCapacity(wordLength: maxLength)
        return text.flatMap { character -> [[UInt8]] in
            let bytes = Array(character.utf8)
            guard bytes.count > limit else { return [bytes] }
            return character.unicodeScalars.map { Array(String($0).utf8) }
        }
    }

    /// Whitespace between two encoded-words goes; consecutive words in one charset
    /// are joined before decoding, so a character split across words by a careless
    /// encoder still decodes.
    private static func merged(_ tokens: [EncodedWordScanner.Token]) -> [EncodedWordScanner.Token] {
        var result: [EncodedWordScanner.Token] = []
        for (index, token) in tokens.enumerated() {
            if case .text(let bytes) = token, bytes.allSatisfy(\.isWSP),
               case .word? = result.last, index + 1 < tokens.count, case .word = tokens[index + 1] {
                continue
            }
            if case .word(let charset, let bytes) = token, case .word(let previousCharset, let previous)? = result.last,
               previousCharset.lowercased() == charset.lowercased() {
                result[result.count - 1] = .word(charset: charset, bytes: previous + bytes)
                continue
            }
            result.append(token)
        }
        return result
    }
}
