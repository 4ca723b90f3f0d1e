import Foundation

/// Text cut to a fixed number of lines, for places with no room to grow: a chart's labels,
/// a table's cells (a row must stay shorter than a page) and the footer.
extension Typesetter {
    /// `string` on one line at most `width` wide, ending in "…" when some of it was left out.
    /// Newlines and control characters become spaces, as in wrapped text.
    func singleLine(_ string: String, _ style: TextStyle, width: Double) -> String {
        clipped(string, style, width: width, maxLines: 1).first ?? ""
    }

    /// `string` wrapped to at most `maxLines` lines; the last ends in "…" when text was left out.
    func clipped(_ string: String, _ style: TextStyle, width: Double, maxLines: Int) -> [String] {
        let all = lines(string, style, width: width)
        guard all.count > maxLines, maxLines > 0 else { return all }
        let rest = all[(maxLines - 1)...].joined(separator: " ")
        // Lines the author broke ("lun\n01/11") may still fit side by side.
        let last = self.width(rest, style) <= width ? rest : ellipsized(rest, style, width: width)
        return Array(all.prefix(maxLines - 1)) + [last]
    }

    /// A paragraph of `string` clipped to `maxLines`, positioned like `paragraph`.
    func clippedParagraph(_ string: String, _ style: TextStyle, x: Double, width: Double,
                          maxLines: Int, align: TextAlignment = .left) -> Block {
        // Each clipped line already fits, so wrapping them again keeps them as they are.
        let text = clipped(string, style, width: width, maxLines: maxLines).joined(separator: "\n")
        return paragraph(text, style, x: x, width: width, align: align)
    }

    /// The longest start of `line` that fits `width` with "…" after it.
    private func ellipsized(_ line: String, _ style: TextStyle, width: Double) -> String {
        let characters = Array(line)
        func candidate(_ count: Int) -> String {
            String(characters[..<count]).trimmingCharacters(in: .whitespaces) + "…"
        }
        var low = 0
        var high = characters.count
        while low < high {
            let middle = (low + high + 1) / 2
            if self.width(candidate(middle), style) <= width {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return candidate(low)
    }
}
