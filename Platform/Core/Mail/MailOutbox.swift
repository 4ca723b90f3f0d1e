import Fluent
import Vapor

/// Every mail the platform sends is written here first, in the same transaction as the change
/// that caused it; a delivery worker (the notifications issue) sends it later.
public enum MailOutbox {
    public struct Mail: Sendable {
        public let to: String
        public let subject: String
        public let text: String
        public let html: String
        public let tenantID: UUID?

        public init(to: String, subject: String, text: String, html: String, tenantID: UUID? = nil) {
            self.to = to
            self.subject = subject
            self.text = text
            self.html = html
            self.tenantID = tenantID
        }
    }

    @discardableResult
    public static func enqueue(_ mail: Mail, on db: any Database) async throws -> OutboxMail {
        let row = OutboxMail(
            tenantID: mail.tenantID, recipient: mail.to, subject: mail.subject,
            textBody: mail.text, htmlBody: mail.html)
        try await row.create(on: db)
        return row
    }

    /// Text made safe to put inside an HTML mail body.
    public static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
