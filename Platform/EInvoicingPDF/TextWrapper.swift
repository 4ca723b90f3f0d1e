import Foundation

/// Greedy word wrapping against a measured width, shared by every text block.
///
/// Measurement is injected so the same rules hold for the PDF's font and for tests.
enum TextWrapper {
    /// The lines of `text` that each measure at most `width`.
    ///
    /// Newlines start new lines, runs of spaces and control characters collapse to one
    /// space, and a word wider than `width` (a long code, a URL) is cut between characters
    /// rather than left to overflow. Every line holds at least one character, so a column
    /// narrower than a letter still terminates. Empty text gives no lines.
    static func wrap(_ text: String, width: Double, measure: (String) -> Double) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let trimmed = normalized.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        return trimmed.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrapParagraph(words(in: paragraph), width: width, measure: measure)
        }
    }

    /// Symbols that stay on the line of the amount after them, so "S/" never ends a line.
    private static let currencySymbols: Set<String> = ["S/", "-S/", "US$", "-US$"]

    private static func words(in paragraph: Substring) -> [String] {
        // Tabs, NULs and other controls would print as boxes or cut the C string short.
        let cleaned = String(paragraph.map { $0.isWhitespace || isControl($0) ? " " : $0 })
        var words: [String] = []
        for word in cleaned.split(separator: " ").map(String.init) {
            if let last = words.last, currencySymbols.contains(last) {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(word)
            }
        }
        return words
    }

    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }

    private static func wrapParagraph(_ words: [String], width: Double, measure: (String) -> Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if measure(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty {
                lines.append(current)
            }
            // A symbol joined to its amount splits at its space before anything is cut.
            var pieces = word.contains(" ")
                ? wrapParagraph(word.split(separator: " ").map(String.init), width: width, measure: measure)
                : cut(word, width: width, measure: measure)
            current = pieces.removeLast()
            lines += pieces
        }
        // An empty paragraph is a blank line the author asked for.
        lines.append(current)
        return lines
    }

    /// `word` in pieces that fit `width`, all but the last as full as possible.
    private static func cut(_ word: String, width: Double, measure: (String) -> Double) -> [String] {
        var rest = Array(word)
        var pieces: [String] = []
        while measure(String(rest)) > width && rest.count > 1 {
            let count = longestFittingPrefix(rest, width: width, measure: measure)
            pieces.append(String(rest[..<count]))
            rest.removeFirst(count)
        }
        pieces.append(String(rest))
        return pieces
    }

    private static func longestFittingPrefix(_ characters: [Character], width: Double, measure: (String) -> Double) -> Int {
        var low = 1
        var high = characters.count
        while low < high {
            let middle = (low + high + 1) / 2
            if measure(String(characters[..<middle])) <= width {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }
}
