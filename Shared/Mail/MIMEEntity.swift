import Foundation

/// A message or body part as read from the wire: unfolded headers and the raw body.
struct MIMEEntity {
    var headers: [(name: String, value: String)]
    var body: ArraySlice<UInt8>

    /// Splits `bytes` at the first empty line; CRLF and bare LF both end a line.
    ///
    /// A line that is neither a field nor a continuation ends the headers early
    /// and starts the body, so a part missing its blank line still shows its text.
    init(_ bytes: ArraySlice<UInt8>) {
        var headers: [(name: String, value: String)] = []
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineFeed = bytes[lineStart...].firstIndex(of: .lf)
            let next = lineFeed.map { $0 + 1 } ?? bytes.endIndex
            var line = bytes[lineStart..<(lineFeed ?? bytes.endIndex)]
            if line.last == .cr { line = line.dropLast() }
            if line.isEmpty {
                lineStart = next
                break
            }
            if let first = line.first, first.isWSP, !headers.isEmpty {
                headers[headers.count - 1].value += Self.text(line)
            } else if let field = Self.field(line) {
                headers.append(field)
            } else {
                break
            }
            lineStart = next
        }
        self.headers = headers.map { ($0.name, $0.value.trimmingCharacters(in: .whitespaces)) }
        body = bytes[lineStart...]
    }

    /// The first field with this name, any case.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// `Name: value`, the name printable ASCII without spaces (RFC 5322 §2.2).
    private static func field(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var name = line[..<colon]
        // Tolerate "Subject :" from old mailers (obs-optional, RFC 5322 §4.5.3).
        while let last = name.last, last.isWSP { name = name.dropLast() }
        guard !name.isEmpty, name.allSatisfy({ (33...126).contains($0) }) else { return nil }
        return (String(decoding: name, as: UTF8.self), text(line[(colon + 1)...]))
    }

    /// Header bytes as text: UTF-8 when valid (RFC 6532), otherwise ISO-8859-1.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        MailCharset.decode(bytes, charset: "utf-8")
    }
}
