import Foundation

/// An outgoing mail, turned into RFC 5322 wire format by `encoded()`.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var text: String
    public var html: String?
    public var attachments: [MailAttachment]
    /// Without angle brackets, e.g. "3f2a…@multinicho.pe".
    public var messageID: String
    public var date: Date
    /// Written after the standard headers, e.g. List-Unsubscribe. Non-ASCII
    /// values are written as encoded-words.
    public var extraHeaders: [(name: String, value: String)]

    /// A nil `messageID` gets a fresh one in the sender's domain.
    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        text: String,
        html: String? = nil,
        attachments: [MailAttachment] = [],
        messageID: String? = nil,
        date: Date = Date(),
        extraHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
        self.messageID = messageID ?? Self.newMessageID(domain: Self.domain(of: from.address))
        self.date = date
        self.extraHeaders = extraHeaders
    }

    /// A random id (122 random bits of a UUID) at `domain`, without angle brackets.
    public static func newMessageID(domain: String) -> String {
        let unique = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return "\(unique)@\(domain)"
    }

    private static func domain(of address: String) -> String {
        let domain = address.split(separator: "@").last.map(String.init) ?? ""
        return address.contains("@") && !domain.isEmpty ? domain : "localhost"
    }
}
