/// The web app's text catalogue. Every key exists in both languages (a test checks it);
/// a missing key shows itself, so it is noticed rather than silently blank.
public enum Strings {
    public static func text(_ key: String, _ language: Language) -> String {
        let table = language == .en ? english : spanish
        return table[key] ?? key
    }

    static var allKeys: (es: Set<String>, en: Set<String>) { (Set(spanish.keys), Set(english.keys)) }
}
