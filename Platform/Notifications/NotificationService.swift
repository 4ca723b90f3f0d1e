import Core
import Fluent
import Foundation
import Shared
import Vapor

/// The platform's `Notifier`: picks the channel, renders the texts, records the message in the
/// delivery log and enqueues its delivery, all in the caller's transaction.
struct NotificationService: Notifier {
    struct UnknownTemplate: Error, CustomStringConvertible {
        let id: String
        var description: String { "no notification template \(id) is registered" }
    }

    unowned let app: Application
    let settings: NotificationSettings
    let links: UnsubscribeLink

    func send(_ request: NotificationRequest, on db: any Database) async throws -> UUID {
        guard let template = app.notificationTemplates[request.template] else { throw UnknownTemplate(id: request.template) }
        let order = try await channelOrder(tenantID: request.tenantID, on: db)
        let choice = try await choose(request, template: template, order: order, on: db)
        let message = NotificationMessage(
            tenantID: request.tenantID, channel: choice.channel, recipient: choice.address ?? "",
            recipientName: request.recipient.name, template: template.id, language: request.language)
        message.urgent = template.urgent
        guard let address = choice.address else {
            message.state = .failed
            message.error = choice.reason
            try await message.create(on: db)
            return try message.requireID()
        }
        message.id = UUID()
        try await render(message, request, template: template, address: address, on: db)
        try await message.create(on: db)
        for (position, attachment) in request.attachments.enumerated() where choice.channel == .email {
            try await NotificationAttachmentRecord(messageID: try message.requireID(), position: position, attachment: attachment)
                .create(on: db)
        }
        try await NotificationDelivery.enqueue(message, settings: settings, now: app.clock.now(), on: db)
        return try message.requireID()
    }

    private func render(_ message: NotificationMessage, _ request: NotificationRequest, template: NotificationTemplate,
                        address: String, on db: any Database) async throws {
        let override = try await request.tenantID.asyncFlatMap { tenantID in
            try await TemplateOverride.query(on: db).filter(\.$tenantID == tenantID)
                .filter(\.$template == template.id).filter(\.$language == request.language).first()
        }
        let composer = MessageComposer(template: template, override: override, language: request.language,
                                       parameters: request.parameters)
        let texts: MessageComposer.Texts
        if message.channel == .email {
            let sender = try await request.tenantID.asyncFlatMap { try await Tenant.find($0, on: db)?.displayName } ?? "Multinicho"
            let target = UnsubscribeLink.Target(scope: NotificationOptOut.scope(of: request.tenantID), channel: .email, address: address)
            texts = composer.email(sender: sender, unsubscribeURL: links.url(for: target))
        } else {
            texts = composer.short(for: message.channel)
        }
        message.subject = texts.subject
        message.bodyText = texts.text
        message.bodyHTML = texts.html
        message.whatsAppCall = try texts.whatsAppCall.map { String(decoding: try JSONEncoder.jobs.encode($0), as: UTF8.self) }
    }

    private func channelOrder(tenantID: UUID?, on db: any Database) async throws -> [NotificationChannel] {
        guard let tenantID else { return NotificationPreferences.defaultOrder }
        let preferences = try await NotificationPreferences.query(on: db).filter(\.$tenantID == tenantID).first()
        return preferences?.channelOrder ?? NotificationPreferences.defaultOrder
    }

    struct Choice {
        let channel: NotificationChannel
        let address: String?
        /// Why no channel could be used, when `address` is nil.
        let reason: String?
    }

    /// The first channel that can reach the recipient; otherwise the first tried, with every
    /// reason it could not be used, for the delivery log.
    func choose(_ request: NotificationRequest, template: NotificationTemplate, order: [NotificationChannel],
                on db: any Database) async throws -> Choice {
        let candidates = request.channel.map { [$0] } ?? order
        var reasons: [String] = []
        for channel in candidates {
            guard template.supports(channel) else { reasons.append("\(channel.rawValue): the template has no text for it"); continue }
            guard settings.availableChannels.contains(channel) else { reasons.append("\(channel.rawValue): not configured"); continue }
            let address: String
            switch RecipientAddress.of(request.recipient, for: channel) {
            case .success(let valid): address = valid
            case .failure(let reason): reasons.append("\(channel.rawValue): \(reason)"); continue
            }
            if !template.essential,
               try await OptOuts.isOptedOut(scope: NotificationOptOut.scope(of: request.tenantID), channel: channel, address: address, on: db) {
                reasons.append("\(channel.rawValue): the recipient opted out")
                continue
            }
            return Choice(channel: channel, address: address, reason: nil)
        }
        return Choice(channel: candidates.first ?? .email, address: nil, reason: reasons.joined(separator: "; "))
    }
}

/// The recipient's address for a channel, normalised, or why there is none.
enum RecipientAddress {
    static func of(_ recipient: NotificationRecipient, for channel: NotificationChannel) -> Result<String, ReasonText> {
        do {
            switch channel {
            case .email:
                guard let email = recipient.email, !email.isEmpty else { return .failure(ReasonText("no email address")) }
                return .success(try EmailAddress(email).value)
            case .whatsapp, .sms:
                guard let phone = recipient.phone, !phone.isEmpty else { return .failure(ReasonText("no mobile number")) }
                return .success(try PeruMobile(phone).e164)
            }
        } catch {
            return .failure(ReasonText(error.messageEn))
        }
    }

    struct ReasonText: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

enum OptOuts {
    static func isOptedOut(scope: String, channel: NotificationChannel, address: String, on db: any Database) async throws -> Bool {
        try await NotificationOptOut.query(on: db).filter(\.$scope == scope).filter(\.$channel == channel)
            .filter(\.$address == address).count() > 0
    }
}
