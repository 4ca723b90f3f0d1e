import Foundation

/// The channels a message can go out on, in the order Peruvian customers prefer them.
public enum NotificationChannel: String, Sendable, Codable, CaseIterable {
    case whatsapp, email, sms
}

/// A message a module sends for one of its events ("your laundry is ready"), in each language.
///
/// Texts hold `{{parameter}}` placeholders. Values are escaped when rendered into HTML, so
/// neither a customer's name nor a tenant's edited template can inject markup. A tenant may
/// override the texts in the web app; the placeholders stay those the module declares.
public struct NotificationTemplate: Sendable {
    public struct Content: Sendable {
        /// Email subject and body; nil when the template is never sent by email.
        public var subject: String?
        public var body: String?
        /// SMS, and WhatsApp text inside the 24-hour window; nil when neither applies.
        public var short: String?

        public init(subject: String? = nil, body: String? = nil, short: String? = nil) {
            self.subject = subject
            self.body = body
            self.short = short
        }
    }

    /// A template approved by Meta, required for WhatsApp outside the 24-hour window.
    public struct WhatsAppTemplate: Sendable {
        public let name: String
        /// Meta's language code per language, e.g. `es` / `en_US`.
        public let languageCodes: [Language: String]
        /// The template's body variables {{1}}, {{2}}, ... as parameter names, in order.
        public let bodyParameters: [String]
        /// The parameter holding a document's public link, sent as the template's header.
        public let documentParameter: String?

        public init(name: String, languageCodes: [Language: String] = [.es: "es", .en: "en"],
                    bodyParameters: [String], documentParameter: String? = nil) {
            self.name = name
            self.languageCodes = languageCodes
            self.bodyParameters = bodyParameters
            self.documentParameter = documentParameter
        }
    }

    /// `<module>.<event>`, like `laundry.order_ready`.
    public let id: String
    public let description: LocalizedText
    public let parameters: [String]
    public let content: [Language: Content]
    public let whatsApp: WhatsAppTemplate?
    /// Sent even at night (quiet hours hold back WhatsApp and SMS from 21:00 to 08:00).
    public let urgent: Bool
    /// Account security mail (password recovery): sent even to a recipient who opted out,
    /// because they asked for it themselves.
    public let essential: Bool
    /// False for the platform's own mail to a person (password recovery), which no business sends.
    public let tenantEditable: Bool

    public init(
        _ id: String, _ description: LocalizedText, parameters: [String], content: [Language: Content],
        whatsApp: WhatsAppTemplate? = nil, urgent: Bool = false, essential: Bool = false, tenantEditable: Bool = true
    ) {
        self.id = id
        self.description = description
        self.parameters = parameters
        self.content = content
        self.whatsApp = whatsApp
        self.urgent = urgent
        self.essential = essential
        self.tenantEditable = tenantEditable
    }

    /// The texts in `language`, falling back to Spanish.
    public func content(in language: Language) -> Content {
        content[language] ?? content[.es] ?? Content()
    }

    /// Whether the template can go out on `channel` at all.
    public func supports(_ channel: NotificationChannel) -> Bool {
        let texts = content.values
        switch channel {
        case .email: return texts.contains { $0.subject != nil && $0.body != nil }
        case .sms: return texts.contains { $0.short != nil }
        case .whatsapp: return whatsApp != nil || texts.contains { $0.short != nil }
        }
    }

    /// Placeholders used in `text` that the template does not declare; empty when valid.
    public func unknownPlaceholders(in text: String) -> [String] {
        TemplateText.placeholders(in: text).filter { !parameters.contains($0) }
    }
}

/// Every notification template of the platform and its modules, by id.
public struct NotificationTemplates: Sendable {
    public private(set) var byID: [String: NotificationTemplate] = [:]

    public init(_ templates: [NotificationTemplate] = []) {
        for template in templates { register(template) }
    }

    /// Refuses duplicate ids and defaults that use undeclared placeholders: both are
    /// programming errors that would otherwise surface as a blank in a customer's message.
    public mutating func register(_ template: NotificationTemplate) {
        precondition(byID[template.id] == nil, "two notification templates with id \(template.id)")
        for content in template.content.values {
            for text in [content.subject, content.body, content.short].compactMap({ $0 }) {
                let unknown = template.unknownPlaceholders(in: text)
                precondition(unknown.isEmpty, "template \(template.id) uses undeclared \(unknown)")
            }
        }
        byID[template.id] = template
    }

    public subscript(id: String) -> NotificationTemplate? { byID[id] }

    public var all: [NotificationTemplate] { byID.values.sorted { $0.id < $1.id } }
}
