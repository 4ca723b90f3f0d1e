/// Splits decoded CSV text into records (RFC 4180): quoted fields may hold
/// separators, doubled quotes and line breaks; lines end in CRLF, LF or CR.
struct CSVScanner {
    private let scalars: [Unicode.Scalar]
    private let separator: Unicode.Scalar
    private var position = 0
    /// The physical line the scanner is on, from 1; breaks inside quotes count.
    private var line = 1

    init(_ scalars: [Unicode.Scalar], separator: CSVSeparator) {
        self.scalars = scalars
        self.separator = separator.scalar
    }

    /// Every record with the line it starts on.
    mutating func records() throws(CSVError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        while position < scalars.count {
            let start = line
            records.append((start, try record()))
        }
        return records
    }

    /// One record, consuming its line break.
    private mutating func record() throws(CSVError) -> [String] {
        var fields: [String] = []
        while true {
            fields.append(try field())
            guard position < scalars.count else { return fields }
            if scalars[position] == separator {
                position += 1
            } else {
                consumeLineBreak()
                return fields
            }
        }
    }

    /// One field, stopping before the separator or line break that ends it.
    private mutating func field() throws(CSVError) -> String {
        var text = String.UnicodeScalarView()
        if position < scalars.count, scalars[position] == "\"" {
            try quoted(into: &text)
        }
        // Text after a closing quote is kept as Excel does, not refused.
        while position < scalars.count, !isFieldEnd(scalars[position]) {
            text.append(scalars[position])
            position += 1
        }
        return String(text)
    }

    private mutating func quoted(into text: inout String.UnicodeScalarView) throws(CSVError) {
        let opened = line
        position += 1
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\"" {
                guard position + 1 < scalars.count, scalars[position + 1] == "\"" else {
                    position += 1
                    return
                }
                text.append("\"")
                position += 2
            } else if scalar == "\r" || scalar == "\n" {
                consumeLineBreak()
                text.append("\n")
            } else {
                text.append(scalar)
                position += 1
            }
        }
        throw .unterminatedQuote(line: opened)
    }

    private func isFieldEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == separator || scalar == "\r" || scalar == "\n"
    }

    /// CRLF, LF or CR, counted as one line.
    private mutating func consumeLineBreak() {
        if scalars[position] == "\r", position + 1 < scalars.count, scalars[position + 1] == "\n" {
            position += 1
        }
        position += 1
        line += 1
    }
}
