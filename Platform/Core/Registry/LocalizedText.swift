/// A text in the two languages of the web app: Spanish (es-PE) first, English second.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let es: String
    public let en: String

    public init(es: String, en: String) {
        self.es = es
        self.en = en
    }

    public func text(for language: Language) -> String {
        language == .en ? en : es
    }
}
