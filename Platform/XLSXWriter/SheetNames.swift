import CXLSXWriter

/// Turns the names a report chose into tab names Excel accepts, because libxlsxwriter refuses
/// the others rather than fixing them, and a report title such as "Ventas 01/2026" is natural.
enum SheetNames {
    /// Counted in UTF-16 units, as Excel counts; libxlsxwriter counts code points, never more.
    static let maxLength = Int(LXW_SHEETNAME_MAX)

    /// One acceptable name per sheet, unique ignoring case as Excel requires.
    static func unique(_ names: [String]) -> [String] {
        // Excel keeps "History" for its change tracking and will not open a sheet called that.
        var taken: Set<String> = ["history"]
        return names.enumerated().map { index, name in
            let base = sanitized(name, fallback: "Hoja \(index + 1)")
            var candidate = base
            var number = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = truncated(base, to: maxLength - suffix.utf16.count) + suffix
                number += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    /// The name with forbidden characters replaced, cut to `maxLength`; `fallback` when nothing is left.
    static func sanitized(_ name: String, fallback: String) -> String {
        var text = ""
        for character in name {
            switch character {
            case "[": text.append("(")
            case "]": text.append(")")
            case ":", "*", "?", "/", "\\": text.append("-")
            // Line breaks and other control characters cannot be typed in a tab.
            case _ where character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }):
                text.append(" ")
            default: text.append(character)
            }
        }
        let cut = truncated(trimmed(text), to: maxLength)
        return cut.isEmpty ? fallback : cut
    }

    /// The longest prefix of whole characters within `length` UTF-16 units, without trailing spaces.
    private static func truncated(_ text: String, to length: Int) -> String {
        var result = ""
        var units = 0
        for character in text {
            units += character.utf16.count
            if units > length { break }
            result.append(character)
        }
        return trimmed(result)
    }

    /// Excel refuses a name that starts or ends with an apostrophe; edge spaces are only confusing.
    private static func trimmed(_ text: String) -> String {
        let edge: (Character) -> Bool = { $0 == "'" || $0.isWhitespace }
        return String(text.drop(while: edge).reversed().drop(while: edge).reversed())
    }
}
