import Foundation

/// Quoted-printable transfer encoding (RFC 2045 §6.7).
public enum QuotedPrintable: Sendable {
    /// Longest encoded line, the soft-break "=" included (rule 5).
    static let maxLineLength = 76

    /// Encodes UTF-8 text. Every line break (CRLF, LF or CR) becomes a hard CRLF
    /// break; lines longer than 76 characters get soft breaks. No trailing CRLF.
    public static func encode(_ text: String) -> String {
        LineBreaks.lines(Array(text.utf8)).map(encodeLine).joined(separator: "\r\n")
    }

    /// Decodes quoted-printable text; hard line breaks come out as CRLF.
    ///
    /// Lenient, as mail from the wild requires: lowercase hex is accepted, an "="
    /// not followed by two hex digits is kept as is, and trailing whitespace is
    /// dropped because transports may have added it (rule 3).
    public static func decode(_ encoded: String) -> Data {
        Data(decode(bytes: Array(encoded.utf8)))
    }

    static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
        var output = ""
        var width = 0
        for index in line.indices {
            let isLast = index == line.index(before: line.endIndex)
            let token = token(for: line[index], atLineEnd: isLast)
            // The last token may use the column that a soft break would otherwise need.
            let room = isLast ? maxLineLength : maxLineLength - 1
            if width + token.count > room {
                output += "=\r\n"
                width = 0
            }
            output += token
            width += token.count
        }
        return output
    }

    /// Trailing whitespace is encoded because transports strip it (rule 3).
    static func token(for byte: UInt8, atLineEnd: Bool) -> String {
        let isPrintable = (33...126).contains(byte) && byte != UInt8(ascii: "=")
        if isPrintable || (byte.isWSP && !atLineEnd) {
            return String(UnicodeScalar(byte))
        }
        return "=" + MailHex.byte(byte)
    }

    static func decode(bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let lines = Array(bytes).split(separator: .lf, omittingEmptySubsequences: false)
        for (number, rawLine) in lines.enumerated() {
            var line = rawLine[...]
            while let last = line.last, last == .cr || last.isWSP { line = line.dropLast() }
            let isSoftBreak = line.last == UInt8(ascii: "=")
            decodeLine(isSoftBreak ? line.dropLast() : line, into: &output)
            if !isSoftBreak && number < lines.count - 1 { output += [.cr, .lf] }
        }
        return output
    }

    private static func decodeLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == UInt8(ascii: "="), let byte = MailHex.value(line, at: index + 1) {
                output.append(byte)
                index += 3
            } else {
                output.append(line[index])
                index += 1
            }
        }
    }
}
