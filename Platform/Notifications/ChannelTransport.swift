import Core
import Fluent
import Foundation
import Messaging

/// Why a provider did not take a message, and whether trying again later can help.
struct DeliveryFailure: Error, CustomStringConvertible {
    let description: String
    /// The provider refused this message for good (4xx, 5xx SMTP reply, no usable template):
    /// retrying would only repeat the refusal.
    let isPermanent: Bool

    init(_ description: String, isPermanent: Bool) {
        self.description = description
        self.isPermanent = isPermanent
    }

    init(_ error: ProviderError) {
        let status = error.status.map { "HTTP \($0): " } ?? ""
        self.init("\(status)\(error.message)", isPermanent: !error.isRetryable)
    }
}

/// Hands a message to the provider of one channel.
protocol ChannelTransport: Sendable {
    /// Returns the provider's id for the message (a Message-ID, a wamid, a Twilio SID); throws
    /// `DeliveryFailure`.
    func deliver(_ message: NotificationMessage, attachments: [NotificationAttachmentRecord],
                 db: any Database, now: Date) async throws -> String
}

/// Twilio's Messages API.
struct SMSTransport: ChannelTransport {
    let client: TwilioClient
    /// Where Twilio reports delivery; signed, checked by `StatusHooks`.
    let statusCallback: String

    func deliver(_ message: NotificationMessage, attachments: [NotificationAttachmentRecord],
                 db: any Database, now: Date) async throws -> String {
        do {
            return try await client.send(to: message.recipient, body: message.bodyText, statusCallback: statusCallback).sid
        } catch {
            throw DeliveryFailure(error)
        }
    }
}

/// WhatsApp Cloud API: free text while the customer's 24-hour window is open, the module's
/// approved template otherwise.
struct WhatsAppTransport: ChannelTransport {
    static let window: TimeInterval = 24 * 3600
    let client: WhatsAppCloudClient

    func deliver(_ message: NotificationMessage, attachments: [NotificationAttachmentRecord],
                 db: any Database, now: Date) async throws -> String {
        let to = String(message.recipient.drop { $0 == "+" })
        let lastInbound = try await WhatsAppContact.query(on: db).filter(\.$phone == message.recipient).first()?.lastInboundAt
        let windowOpen = lastInbound.map { now.timeIntervalSince($0) < Self.window } ?? false
        do {
            if windowOpen, !message.bodyText.isEmpty {
                return try await client.sendText(to: to, body: message.bodyText, previewURL: true)
            }
            guard let json = message.whatsAppCall,
                  let call = try? JSONDecoder.jobs.decode(WhatsAppCall.self, from: Data(json.utf8)) else {
                throw DeliveryFailure(
                    "Outside the 24-hour WhatsApp window and the template has no Meta-approved version",
                    isPermanent: true)
            }
            let document = call.documentLink.map {
                WhatsAppCloudClient.DocumentHeader(link: $0, filename: call.documentFilename ?? "documento.pdf")
            }
            return try await client.sendTemplate(
                to: to, name: call.name, languageCode: call.languageCode, bodyParameters: call.bodyParameters,
                document: document)
        } catch let error as ProviderError {
            throw DeliveryFailure(error)
        }
    }
}
