import Foundation

/// A received or stored mail, read for display (the development maildir page).
///
/// Parsing is lenient and never traps: odd encodings fall back to something
/// readable, and only data that is not a mail at all is rejected.
public struct ParsedMail: Sendable {
    /// Unfolded and otherwise raw (encoded-words left as they are), in order.
    public let headers: [(name: String, value: String)]
    /// RFC 2047 decoded.
    public let subject: String
    /// The From field, RFC 2047 decoded: `Bodega Peña <ventas@bodega.pe>`.
    public let from: String
    /// Each mailbox of the To field, RFC 2047 decoded.
    public let to: [String]
    /// The Date field as written.
    public let date: String?
    /// The Message-ID without its angle brackets, as `MailMessage.messageID` holds it.
    public let messageID: String?
    /// The first text/plain part that is not an attachment, line breaks as LF.
    public let textBody: String?
    /// The first text/html part that is not an attachment, line breaks as LF.
    public let htmlBody: String?
    /// Every other leaf part, decoded to its bytes.
    public let attachments: [MailAttachment]

    /// The first field with this name, any case, unfolded and raw.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func parse(_ data: Data) throws(MailParseError) -> ParsedMail {
        var bytes = Array(data)[...]
        guard bytes.contains(where: { !$0.isWSP && $0 != .cr && $0 != .lf }) else { throw .empty }
        // An mbox excerpt starts with a "From sender date" separator line.
        if bytes.starts(with: Array("From ".utf8)) {
            bytes = bytes[((bytes.firstIndex(of: .lf) ?? bytes.endIndex - 1) + 1)...]
        }
        let root = MIMEEntity(bytes)
        guard !root.headers.isEmpty else { throw .noHeaders }
        return ParsedMail(root)
    }

    private init(_ root: MIMEEntity) {
        headers = root.headers
        subject = EncodedWord.decode(root.header("Subject") ?? "")
        from = EncodedWord.decode(root.header("From") ?? "")
        to = AddressList.split(root.header("To") ?? "").map(EncodedWord.decode)
        date = root.header("Date")
        messageID = root.header("Message-ID").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")) }
        let content = MailContent(root)
        textBody = content.textBody
        htmlBody = content.htmlBody
        attachments = content.attachments
    }
}
