import Foundation

/// Header values of the form `value; name=param; ...` (Content-Type,
/// Content-Disposition), RFC 2045 §5.1 with the RFC 2231 extensions.
struct MIMEParameters {
    /// The part before the first ";", lowercased ("text/plain", "attachment").
    let value: String
    /// Parameters by lowercased name, RFC 2231 continuations joined and decoded.
    let parameters: [String: String]

    init(_ header: String) {
        var scanner = ParameterScanner(header)
        value = scanner.leadingValue().lowercased()
        parameters = RFC2231.assemble(scanner.pairs())
    }

    subscript(_ name: String) -> String? { parameters[name] }

    /// A quoted-string (RFC 5322 §3.2.4): quotes and backslashes escaped.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for character in text {
            if character == "\"" || character == "\\" { output.append("\\") }
            output.append(character)
        }
        return output + "\""
    }
}

/// Splits a parameter header into its raw name/value pairs, tolerating the
/// sloppy quoting and stray semicolons real mailers produce.
struct ParameterScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ header: String) { scalars = Array(header.unicodeScalars) }

    mutating func leadingValue() -> String {
        let start = index
        while index < scalars.count, scalars[index] != ";" { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index])).trimmingCharacters(in: .whitespaces)
    }

    mutating func pairs() -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        while index < scalars.count {
            index += 1  // the ";"
            let name = read { $0 != "=" && $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            skipWhitespace()
            let value = index < scalars.count && scalars[index] == "\"" ? quotedString() : token()
            if !name.isEmpty { pairs.append((name, value)) }
            _ = read { $0 != ";" }
        }
        return pairs
    }

    private mutating func token() -> String {
        read { $0 != ";" }.trimmingCharacters(in: .whitespaces)
    }

    private mutating func quotedString() -> String {
        var output = String.UnicodeScalarView()
        index += 1
        while index < scalars.count, scalars[index] != "\"" {
            if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
            output.append(scalars[index])
            index += 1
        }
        index = min(index + 1, scalars.count)  // past the closing quote, if there is one
        return String(output)
    }

    private mutating func read(while condition: (Unicode.Scalar) -> Bool) -> String {
        let start = index
        while index < scalars.count, condition(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private mutating func skipWhitespace() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    }
}
