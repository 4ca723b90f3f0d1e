import Fluent
import Vapor

/// A mail waiting to be delivered. Until the SMTP transport lands, development shows these
/// at /dev/outbox.
public final class OutboxMail: Model, @unchecked Sendable {
    public static let schema = "outbox_mails"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    @OptionalParent(key: "tenant_id") public var tenant: Tenant?
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "text_body") public var textBody: String
    @Field(key: "html_body") public var htmlBody: String
    @OptionalField(key: "sent_at") public var sentAt: Date?

    public init() {}

    public init(tenantID: UUID?, recipient: String, subject: String, textBody: String, htmlBody: String) {
        self.$tenant.id = tenantID
        self.recipient = recipient
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
    }
}
