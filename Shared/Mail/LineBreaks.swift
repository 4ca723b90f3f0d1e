/// Line splitting that treats CRLF, bare LF and bare CR alike.
///
/// Text reaches the composer from browsers (CRLF), Swift literals (LF) and the odd
/// old Mac export (CR); SMTP only accepts CRLF, so every style must become one.
enum LineBreaks {
    /// The lines of `bytes`, without their line breaks. A trailing break yields a
    /// final empty line, so joining with CRLF reproduces the text exactly.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == .lf || byte == .cr else {
                index += 1
                continue
            }
            lines.append(bytes[start..<index])
            index += (byte == .cr && index + 1 < bytes.count && bytes[index + 1] == .lf) ? 2 : 1
            start = index
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    /// `text` with every line break turned into LF, the form Swift strings and web
    /// pages expect.
    static func toLF(_ text: String) -> String {
        lines(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }
}

extension UInt8 {
    static let cr: UInt8 = 13
    static let lf: UInt8 = 10
    static let space: UInt8 = 32
    static let tab: UInt8 = 9

    var isWSP: Bool { self == .space || self == .tab }
}
