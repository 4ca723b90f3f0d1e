import Core
import Foundation
import Messaging
import SMTPClient
import Shared

/// Where messages go, read from the environment. The README's configuration table lists
/// every variable; keep the two in step.
public struct NotificationSettings: Sendable {
    /// Real SMTP when set; otherwise mail is written to `mailDirectory` (a maildir) and shown
    /// at /dev/outbox, so development needs no mail server.
    public var smtp: SMTPSettings?
    public var mailFrom: MailAddress
    public var mailDirectory: String
    public var whatsApp: WhatsAppCloudClient.Configuration?
    /// Signs Meta's status webhooks (X-Hub-Signature-256).
    public var whatsAppAppSecret: String?
    /// Echoed back when Meta verifies the webhook subscription.
    public var whatsAppVerifyToken: String?
    public var twilio: TwilioClient.Configuration?
    public var quietHours: QuietHours = .standard
    /// Seconds a provider has to answer one call.
    public var providerTimeout: TimeInterval = 15

    public init(mailFrom: MailAddress = MailAddress("no-reply@multinicho.pe", name: "Multinicho"), mailDirectory: String) {
        self.mailFrom = mailFrom
        self.mailDirectory = mailDirectory
    }

    /// The channels that can deliver with this configuration.
    public var availableChannels: Set<NotificationChannel> {
        var channels: Set<NotificationChannel> = [.email]
        if whatsApp != nil { channels.insert(.whatsapp) }
        if twilio != nil { channels.insert(.sms) }
        return channels
    }

    public static func fromEnvironment(_ environment: [String: String], config: AppConfig) throws -> NotificationSettings {
        let env = Environment(values: environment)
        var settings = NotificationSettings(
            mailFrom: try env.mailFrom() ?? MailAddress("no-reply@multinicho.pe", name: "Multinicho"),
            mailDirectory: env["MAIL_DIR"] ?? "\(config.dataDirectory)/mail")
        if let url = env["SMTP_URL"] {
            do {
                settings.smtp = try SMTPSettings(url: url, caFile: env["SMTP_CA_FILE"])
            } catch {
                throw AppConfig.Invalid(variable: "SMTP_URL", reason: "\(error)")
            }
        }
        settings.whatsApp = try env.whatsApp()
        if settings.whatsApp != nil {
            settings.whatsAppAppSecret = try env.require("WHATSAPP_APP_SECRET", because: "it verifies Meta's status webhooks")
            settings.whatsAppVerifyToken = env["WHATSAPP_VERIFY_TOKEN"]
        }
        settings.twilio = try env.twilio()
        return settings
    }

    private struct Environment {
        let values: [String: String]

        subscript(key: String) -> String? {
            guard let v = values[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }

        func require(_ key: String, because reason: String) throws -> String {
            guard let value = self[key] else { throw AppConfig.Invalid(variable: key, reason: "required, \(reason)") }
            return value
        }

        /// `MAIL_FROM` as `Name <address>` or a bare address.
        func mailFrom() throws -> MailAddress? {
            guard let raw = self["MAIL_FROM"] else { return nil }
            var name: String?
            var address = raw
            if let open = raw.lastIndex(of: "<"), raw.hasSuffix(">") {
                name = raw[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                address = String(raw[raw.index(after: open)..<raw.index(before: raw.endIndex)])
            }
            do {
                return MailAddress(try EmailAddress(address).value, name: name?.isEmpty == false ? name : nil)
            } catch {
                throw AppConfig.Invalid(variable: "MAIL_FROM", reason: error.messageEn)
            }
        }

        /// Both the phone number id and the token, or neither.
        func whatsApp() throws -> WhatsAppCloudClient.Configuration? {
            guard self["WHATSAPP_PHONE_NUMBER_ID"] != nil || self["WHATSAPP_ACCESS_TOKEN"] != nil else { return nil }
            var configuration = WhatsAppCloudClient.Configuration(
                phoneNumberID: try require("WHATSAPP_PHONE_NUMBER_ID", because: "WhatsApp is configured"),
                accessToken: try require("WHATSAPP_ACCESS_TOKEN", because: "WhatsApp is configured"))
            if let url = self["WHATSAPP_API_URL"] { configuration.apiBaseURL = url }
            return configuration
        }

        func twilio() throws -> TwilioClient.Configuration? {
            guard self["TWILIO_ACCOUNT_SID"] != nil || self["TWILIO_AUTH_TOKEN"] != nil else { return nil }
            var configuration = TwilioClient.Configuration(
                accountSID: try require("TWILIO_ACCOUNT_SID", because: "Twilio is configured"),
                authToken: try require("TWILIO_AUTH_TOKEN", because: "Twilio is configured"),
                from: self["TWILIO_FROM"], messagingServiceSID: self["TWILIO_MESSAGING_SERVICE_SID"])
            guard configuration.from != nil || configuration.messagingServiceSID != nil else {
                throw AppConfig.Invalid(variable: "TWILIO_FROM", reason: "set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID")
            }
            if let url = self["TWILIO_API_URL"] { configuration.apiBaseURL = url }
            return configuration
        }
    }
}
