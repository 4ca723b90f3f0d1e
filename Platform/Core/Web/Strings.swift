/// The web app's text catalogue. Every key exists in both languages (a test checks it);
/// a missing key shows itself, so it is noticed rather than silently blank.
public enum Strings {
    public static func text(_ key: String, _ language: Language) -> String {
        let table = language == .en ? english : spanish
        return table[key] ?? extra[language]?[key] ?? key
    }

    /// Modules add their own strings at start-up through `register`.
    nonisolated(unsafe) private static var extra: [Language: [String: String]] = [:]

    static var allKeys: (es: Set<String>, en: Set<String>) { (Set(spanish.keys), Set(english.keys)) }
}
