/// Splits a multipart body at its boundary delimiters (RFC 2046 §5.1.1).
enum MultipartBody {
    /// The body parts, without preamble and epilogue. The line break before a
    /// delimiter belongs to the delimiter, not to the part. A missing close
    /// delimiter (a truncated message) ends the last part at the end of the data.
    static func parts(of body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var previousBreak = body.startIndex
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineFeed = body[lineStart...].firstIndex(of: .lf) ?? body.endIndex
            let line = body[lineStart..<lineFeed]
            if let isClose = kind(of: line, delimiter: delimiter) {
                if let start = partStart { parts.append(body[start..<max(start, previousBreak)]) }
                if isClose { return parts }
                partStart = min(lineFeed + 1, body.endIndex)
            }
            previousBreak = lineFeed > lineStart && body[lineFeed - 1] == .cr ? lineFeed - 1 : lineFeed
            lineStart = lineFeed + 1
        }
        if let start = partStart { parts.append(body[start...]) }
        return parts
    }

    /// nil for an ordinary line, false for `--boundary`, true for `--boundary--`;
    /// trailing whitespace is allowed after either.
    private static func kind(of line: ArraySlice<UInt8>, delimiter: [UInt8]) -> Bool? {
        guard line.starts(with: delimiter) else { return nil }
        var rest = line.dropFirst(delimiter.count)
        let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
        if isClose { rest = rest.dropFirst(2) }
        guard rest.allSatisfy({ $0.isWSP || $0 == .cr }) else { return nil }
        return isClose
    }
}
