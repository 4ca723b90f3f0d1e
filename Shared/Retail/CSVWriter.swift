import Foundation

/// Writes CSV that Excel opens right: UTF-8 with a byte order mark (without
/// it Excel reads UTF-8 as ANSI and shows "AÃ±ejo"), CRLF line ends, and
/// fields quoted only when they hold the separator, a quote or a line break.
public struct CSVWriter: Sendable, Hashable {
    public var separator: CSVSeparator

    public init(separator: CSVSeparator = .comma) {
        self.separator = separator
    }

    /// The whole file: BOM, then every record ended by CRLF.
    public func text(_ records: [[String]]) -> String {
        "\u{FEFF}" + records.map { line($0) + "\r\n" }.joined()
    }

    /// The file as UTF-8 bytes, ready to send as `text/csv; charset=utf-8`.
    public func bytes(_ records: [[String]]) -> [UInt8] {
        Array(text(records).utf8)
    }

    /// One record without its line end.
    public func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: separator.rawValue)
    }

    /// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage
    /// return first) gets a leading apostrophe, which Excel shows as text and hides: a product
    /// named `=HYPERLINK(...)` must not run when the owner opens the export.
    public static func inert(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// The text `inert` protected, as it was; other text unchanged.
    public static func restored(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, formulaStarts.contains(second) else { return text }
        return String(text.dropFirst())
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    public func field(_ value: String) -> String {
        let special: Set<Unicode.Scalar> = [separator.scalar, "\"", "\r", "\n"]
        guard value.unicodeScalars.contains(where: special.contains) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
