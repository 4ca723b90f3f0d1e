/// The field separator of a CSV file.
public enum CSVSeparator: String, Sendable, Hashable, Codable, CaseIterable {
    case comma = ","
    /// What Excel writes where the comma is the decimal separator.
    case semicolon = ";"
    case tab = "\t"

    var scalar: Unicode.Scalar { rawValue.unicodeScalars.first! }

    /// The separator of the first non-blank line: the one found most often
    /// outside quotes; ties go to `;`, then tab, then `,`, and a line with
    /// none (a single column) reads as `,`.
    static func detect(in scalars: [Unicode.Scalar]) -> CSVSeparator {
        var counts: [Unicode.Scalar: Int] = [:]
        var quoted = false
        var seenText = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted, scalar == "\n" || scalar == "\r" {
                if seenText { break } else { continue }
            }
            if scalar != " " { seenText = true }
            if !quoted { counts[scalar, default: 0] += 1 }
        }
        let best = [CSVSeparator.semicolon, .tab, .comma].max { counts[$0.scalar, default: 0] < counts[$1.scalar, default: 0] }
        return best.flatMap { counts[$0.scalar, default: 0] > 0 ? $0 : nil } ?? .comma
    }
}
