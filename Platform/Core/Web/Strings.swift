import NIOConcurrencyHelpers

/// The web app's text catalogue. Every key exists in both languages (a test checks it);
/// a missing key shows itself, so it is noticed rather than silently blank.
public enum Strings {
    /// Tables that platform parts outside Core (webhooks, ...) add at start-up.
    private static let added = NIOLockedValueBox<(es: [String: String], en: [String: String])>(([:], [:]))

    public static func text(_ key: String, _ language: Language) -> String {
        let table = language == .en ? english : spanish
        if let text = table[key] { return text }
        return added.withLockedValue { language == .en ? $0.en[key] : $0.es[key] } ?? key
    }

    /// Adds a part's strings; both tables must have the same keys. Adding the same table again
    /// (every test builds a new app) changes nothing.
    public static func add(es: [String: String], en: [String: String]) {
        precondition(Set(es.keys) == Set(en.keys), "string tables differ in keys: \(Set(es.keys).symmetricDifference(en.keys))")
        added.withLockedValue { tables in
            tables.es.merge(es) { $1 }
            tables.en.merge(en) { $1 }
        }
    }

    static var allKeys: (es: Set<String>, en: Set<String>) {
        added.withLockedValue { (Set(spanish.keys).union($0.es.keys), Set(english.keys).union($0.en.keys)) }
    }
}
