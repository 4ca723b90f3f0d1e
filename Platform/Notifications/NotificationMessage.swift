import Core
import Fluent
import Foundation

/// One message in the delivery log: what was sent to whom on which channel, and how it went.
/// The texts are rendered when the message is created, so a resend sends exactly the same.
public final class NotificationMessage: Model, @unchecked Sendable {
    public static let schema = "notification_messages"

    public enum State: String, Codable, Sendable, CaseIterable {
        case queued, sent, delivered, read, failed

        /// Provider callbacks arrive out of order; a state never moves back down this ladder.
        var rank: Int {
            switch self {
            case .queued: 0
            case .sent: 1
            case .delivered: 2
            case .read: 3
            case .failed: 4
            }
        }
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @OptionalField(key: "tenant_id") public var tenantID: UUID?
    @Field(key: "channel") public var channel: NotificationChannel
    /// The normalised address: an email, or a phone in E.164.
    @Field(key: "recipient") public var recipient: String
    @Field(key: "recipient_name") public var recipientName: String
    @Field(key: "template") public var template: String
    @Field(key: "language") public var language: Language
    @OptionalField(key: "subject") public var subject: String?
    @Field(key: "body_text") public var bodyText: String
    @OptionalField(key: "body_html") public var bodyHTML: String?
    /// The approved WhatsApp template call (JSON of `WhatsAppCall`), when there is one.
    @OptionalField(key: "whatsapp_call") public var whatsAppCall: String?
    @Field(key: "urgent") public var urgent: Bool
    @Field(key: "state") public var state: State
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "provider_id") public var providerID: String?
    @OptionalField(key: "error") public var error: String?
    /// When quiet hours hold a message back, the time it will go out.
    @OptionalField(key: "scheduled_for") public var scheduledFor: Date?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @OptionalField(key: "delivered_at") public var deliveredAt: Date?
    @OptionalField(key: "read_at") public var readAt: Date?

    public init() {}

    init(tenantID: UUID?, channel: NotificationChannel, recipient: String, recipientName: String,
         template: String, language: Language) {
        self.tenantID = tenantID
        self.channel = channel
        self.recipient = recipient
        self.recipientName = recipientName
        self.template = template
        self.language = language
        self.bodyText = ""
        self.urgent = false
        self.state = .queued
        self.attempts = 0
    }
}

/// The parameters of an approved WhatsApp template, ready for the Cloud API.
struct WhatsAppCall: Codable, Sendable, Equatable {
    var name: String
    var languageCode: String
    var bodyParameters: [String]
    var documentLink: String?
    var documentFilename: String?
}

/// A file attached to an email message, kept for resends.
final class NotificationAttachmentRecord: Model, @unchecked Sendable {
    static let schema = "notification_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "data") var data: Data

    init() {}

    init(messageID: UUID, position: Int, attachment: NotificationAttachment) {
        self.messageID = messageID
        self.position = position
        self.filename = attachment.filename
        self.contentType = attachment.contentType
        self.data = attachment.data
    }
}
