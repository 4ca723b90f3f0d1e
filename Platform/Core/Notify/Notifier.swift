import Fluent
import Vapor

/// Who a message goes to. Addresses are checked when the message is sent: an invalid one is
/// logged as a failed message with the reason, not thrown at the caller.
public struct NotificationRecipient: Sendable, Codable, Equatable {
    public var name: String
    public var email: String?
    /// A Peruvian mobile in any usual spelling (987 654 321, +51 987654321, ...).
    public var phone: String?

    public init(name: String, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}

/// A file sent with an email (an invoice's PDF and XML).
public struct NotificationAttachment: Sendable, Equatable {
    public var filename: String
    public var contentType: String
    public var data: Data

    public init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// Send template M to recipient R, on channel C or on the best channel the tenant prefers.
public struct NotificationRequest: Sendable {
    public var template: String
    public var recipient: NotificationRecipient
    /// nil picks the first channel in the tenant's preference order that the recipient has an
    /// address for, has not opted out of, and the template supports.
    public var channel: NotificationChannel?
    public var parameters: [String: String]
    public var language: Language
    /// nil for platform mail that belongs to no business (a user's password recovery).
    public var tenantID: UUID?
    public var attachments: [NotificationAttachment]

    public init(
        template: String, to recipient: NotificationRecipient, channel: NotificationChannel? = nil,
        parameters: [String: String] = [:], language: Language = .es, tenantID: UUID? = nil,
        attachments: [NotificationAttachment] = []
    ) {
        self.template = template
        self.recipient = recipient
        self.channel = channel
        self.parameters = parameters
        self.language = language
        self.tenantID = tenantID
        self.attachments = attachments
    }
}

/// The one way to send a message. It never sends inline: it records the message and enqueues
/// its delivery job in the caller's transaction, so the message exists exactly when the change
/// that caused it does. The Notifications target provides the implementation.
public protocol Notifier: Sendable {
    /// Returns the id of the message in the delivery log.
    @discardableResult
    func send(_ request: NotificationRequest, on db: any Database) async throws -> UUID
}

extension Application {
    private struct NotifierKey: StorageKey { typealias Value = any Notifier }
    private struct TemplatesKey: StorageKey { typealias Value = NotificationTemplates }

    public var notifier: any Notifier {
        get { storage[NotifierKey.self] ?? MissingNotifier() }
        set { storage[NotifierKey.self] = newValue }
    }

    /// Templates of the platform and its modules (filled during configure).
    public var notificationTemplates: NotificationTemplates {
        get { storage[TemplatesKey.self] ?? NotificationTemplates() }
        set { storage[TemplatesKey.self] = newValue }
    }
}

/// Stands in until `Notifications.register` runs; a send through it is a wiring mistake.
private struct MissingNotifier: Notifier {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String { "notifications are not registered on this application" }
    }

    func send(_ request: NotificationRequest, on db: any Database) async throws -> UUID {
        throw NotConfigured()
    }
}
