import Foundation

/// Text folded for search: lowercase, no accents, single spaces. "Ñañez S.A.C." finds "nanez".
public enum SearchText {
    public static func normalize(_ parts: [String]) -> String {
        normalize(parts.joined(separator: " "))
    }

    public static func normalize(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "es_PE"))
            .lowercased()
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// The words of a query, each at least one character, at most 8 of them.
    public static func terms(_ query: String) -> [String] {
        Array(normalize(query).split(separator: " ").map(String.init).prefix(8))
    }
}
