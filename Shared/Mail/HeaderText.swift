/// Turns arbitrary user text into header-safe text.
enum HeaderText {
    /// `text` with line breaks and other control characters replaced by spaces.
    ///
    /// A CR or LF left in a header value would end the field and let a subject
    /// like "Hi\r\nBcc: x" inject headers.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }

    /// Whether an unstructured value must be written as encoded-words: non-ASCII
    /// text, or ASCII that a reader would mistake for an encoded-word.
    static func needsEncoding(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.isASCII } || text.contains("=?")
    }

    /// An unstructured header (Subject, or an extra header): plain when ASCII,
    /// otherwise encoded-words; folded either way.
    static func unstructuredField(_ name: String, _ text: String) -> String {
        let value = singleLine(text)
        guard needsEncoding(value) || longestRun(value) > HeaderField.maxLineLength - name.utf8.count - 2 else {
            return HeaderField.line(name, value)
        }
        // RFC 2047 §2 caps a line holding encoded-words at 76 characters.
        let firstLineRoom = 76 - name.utf8.count - 2
        let words = EncodedWord.encode(value, firstWordMaxLength: firstLineRoom)
        return HeaderField.line(name, words.joined(separator: " "))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// A run of ASCII with no whitespace cannot be folded; encoded-words can split it.
    private static func longestRun(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).map(\.utf8.count).max() ?? 0
    }
}
