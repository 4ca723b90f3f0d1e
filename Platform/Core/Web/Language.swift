import Vapor

/// The languages of the web app. Spanish (es-PE) is the default.
public enum Language: String, Sendable, Codable, CaseIterable {
    case es, en

    /// The cookie set by the language switch wins; otherwise Spanish unless the browser
    /// asks for English first.
    static func of(_ req: Request) -> Language {
        if let cookie = req.cookies["lang"]?.string, let chosen = Language(rawValue: cookie) { return chosen }
        let accept = req.headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        return accept.hasPrefix("en") ? .en : .es
    }
}

extension Request {
    public var language: Language { Language.of(self) }

    /// A localized string from the app's catalogue, in the request's language.
    public func t(_ key: String) -> String { Strings.text(key, language) }
}
