import Foundation

/// Normalization of words typed in spreadsheets.
enum RetailText {
    /// Trimmed, lowercased and without accents, so "SÍ" matches "si"
    /// whatever the file's author typed.
    static func folded(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// `folded` with words joined by "_", whether typed with spaces, "-" or
    /// "_": "Código de barras" → "codigo_de_barras".
    static func key(_ text: String) -> String {
        folded(text).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: "_")
    }

    /// The case one of whose spellings (written as `key`s) is `text`.
    static func match<Value: CaseIterable>(_ text: String, spellings: (Value) -> [String]) -> Value? {
        let typed = key(text)
        return Value.allCases.first { spellings($0).contains(typed) }
    }
}
