import Core
import Fluent
import Foundation

/// A tenant's own wording of a template in one language; blank fields fall back to the module's.
final class TemplateOverride: TenantOwned, @unchecked Sendable {
    static let schema = "notification_template_overrides"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "template") var template: String
    @Field(key: "language") var language: Language
    @OptionalField(key: "subject") var subject: String?
    @OptionalField(key: "body") var body: String?
    @OptionalField(key: "short") var short: String?

    init() {}

    init(tenantID: UUID, template: String, language: Language) {
        self.tenantID = tenantID
        self.template = template
        self.language = language
    }
}

/// A recipient who asked not to get messages on a channel, from one business or (scope
/// "platform") from the platform itself.
final class NotificationOptOut: Model, @unchecked Sendable {
    static let schema = "notification_opt_outs"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The tenant id as text, or "platform": a unique key cannot rely on NULLs comparing equal.
    @Field(key: "scope") var scope: String
    @Field(key: "channel") var channel: NotificationChannel
    @Field(key: "address") var address: String

    init() {}

    init(scope: String, channel: NotificationChannel, address: String) {
        self.scope = scope
        self.channel = channel
        self.address = address
    }

    static func scope(of tenantID: UUID?) -> String { tenantID?.uuidString.lowercased() ?? "platform" }
}

/// How a business wants to reach people: the order of channels to try, and its own contact
/// phone for the platform's messages to it.
final class NotificationPreferences: TenantOwned, @unchecked Sendable {
    static let schema = "notification_preferences"
    static let defaultOrder: [NotificationChannel] = [.whatsapp, .email, .sms]

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// Channel names separated by spaces, most preferred first.
    @Field(key: "channel_order") var channelOrderText: String
    @OptionalField(key: "contact_phone") var contactPhone: String?

    init() {}

    init(tenantID: UUID) {
        self.tenantID = tenantID
        self.channelOrderText = Self.defaultOrder.map(\.rawValue).joined(separator: " ")
    }

    var channelOrder: [NotificationChannel] {
        let chosen = channelOrderText.split(separator: " ").compactMap { NotificationChannel(rawValue: String($0)) }
        return chosen + Self.defaultOrder.filter { !chosen.contains($0) }
    }
}

/// When a WhatsApp user last wrote to the platform's number: free-form text is allowed for
/// 24 hours after that, templates only otherwise.
final class WhatsAppContact: Model, @unchecked Sendable {
    static let schema = "whatsapp_contacts"

    @ID(key: .id) var id: UUID?
    /// E.164, like the recipients of messages.
    @Field(key: "phone") var phone: String
    @Field(key: "last_inbound_at") var lastInboundAt: Date

    init() {}

    init(phone: String, lastInboundAt: Date) {
        self.phone = phone
        self.lastInboundAt = lastInboundAt
    }
}
