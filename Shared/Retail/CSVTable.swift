/// A CSV file as people save it from Excel, read into a header and rows.
///
/// Excel writes UTF-8 only when asked ("CSV UTF-8"); its plain "CSV" is the
/// Windows ANSI code page, 1252 in Spanish, where "Añejo" is `41 F1 65 6A 6F`.
/// So text that is not valid UTF-8 is read as Windows-1252 (as Latin-1 if it
/// holds a byte 1252 leaves undefined), and the table says which was used so
/// an import preview can show it.
public struct CSVTable: Sendable, Hashable {
    public enum Encoding: String, Sendable, Hashable, Codable {
        case utf8
        case windows1252
    }

    /// A record and the line (from 1) it starts on in the file.
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }

        /// The field at `index`, or "" when the row is shorter (Excel drops
        /// trailing empty cells from some rows).
        public subscript(index: Int) -> String {
            fields.indices.contains(index) ? fields[index] : ""
        }
    }

    /// The first non-blank record.
    public let header: Row
    /// The records after the header; blank ones (no text in any field) are skipped.
    public let rows: [Row]
    public let separator: CSVSeparator
    public let encoding: Encoding
    /// Whether the file started with a UTF-8 byte order mark.
    public let hadByteOrderMark: Bool

    /// Reads the bytes of an uploaded file. Line breaks inside quoted
    /// fields read as "\n" whatever the file used.
    public init(bytes: some Collection<UInt8>) throws(CSVError) {
        var bytes = Array(bytes)
        hadByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hadByteOrderMark { bytes.removeFirst(3) }
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            (text, encoding) = (utf8, .utf8)
        } else {
            (text, encoding) = (MailCharset.decode(bytes, charset: "windows-1252"), .windows1252)
        }
        let scalars = Array(text.unicodeScalars)
        separator = CSVSeparator.detect(in: scalars)
        var scanner = CSVScanner(scalars, separator: separator)
        let records = try scanner.records()
            .map { Row(line: $0.line, fields: $0.fields) }
            .filter { !$0.isBlank }
        guard let header = records.first else { throw .empty }
        self.header = header
        rows = Array(records.dropFirst())
    }
}

extension CSVTable.Row {
    /// Excel saves an emptied row as ";;;", so a row of empty or
    /// whitespace-only fields counts as blank.
    var isBlank: Bool {
        fields.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }
}
