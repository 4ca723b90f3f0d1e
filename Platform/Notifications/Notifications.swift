import AsyncHTTPClient
import Core
import Messaging
import NIOPosix
import SMTPClient
import Vapor

/// Notifications: registers the delivery log's tables, the `Notifier` every module sends
/// through, the delivery job, the providers' status webhooks and the pages, on an app that
/// `configure` has set up.
public enum Notifications {
    public static func register(on app: Application, settings: NotificationSettings) {
        let links = UnsubscribeLink(baseURL: app.config.baseURL, secretKey: app.config.secretKey)
        app.migrations.add(CreateNotificationTables())
        app.notifier = NotificationService(app: app, settings: settings, links: links)
        app.storage[SettingsKey.self] = settings
        app.storage[LinksKey.self] = links
        let delivery = NotificationDelivery(transports: transports(app, settings, links), settings: settings)
        app.jobHandlers.register(delivery.handler)
        if settings.smtp == nil && app.config.mode == .production {
            app.logger.warning("SMTP_URL is not set: mail is written to \(settings.mailDirectory) instead of being sent")
        }
        Strings.add(es: NotificationStrings.spanish, en: NotificationStrings.english)
        StatusHooks(settings: settings, baseURL: app.config.baseURL).routes(app)
        NotificationsController.routes(app)
        UnsubscribeController.routes(app)
        DevOutboxController.routes(app)
    }

    private static func transports(_ app: Application, _ settings: NotificationSettings,
                                   _ links: UnsubscribeLink) -> [NotificationChannel: any ChannelTransport] {
        let sink: EmailTransport.Sink = settings.smtp.map { .smtp(SMTPClient(settings: $0)) }
            ?? .maildir(Maildir(path: settings.mailDirectory))
        var transports: [NotificationChannel: any ChannelTransport] = [
            .email: EmailTransport(sink: sink, from: settings.mailFrom, links: links),
        ]
        guard settings.whatsApp != nil || settings.twilio != nil else { return transports }
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        app.lifecycle.use(ClientShutdown(client: client))
        if let whatsApp = settings.whatsApp {
            transports[.whatsapp] = WhatsAppTransport(client: WhatsAppCloudClient(configuration: whatsApp, httpClient: client))
        }
        if let twilio = settings.twilio {
            transports[.sms] = SMSTransport(client: TwilioClient(configuration: twilio, httpClient: client),
                                            statusCallback: "\(app.config.baseURL)/hooks/twilio/status")
        }
        return transports
    }

    private struct SettingsKey: StorageKey { typealias Value = NotificationSettings }
    private struct LinksKey: StorageKey { typealias Value = UnsubscribeLink }

    static func settings(_ app: Application) -> NotificationSettings {
        app.storage[SettingsKey.self] ?? NotificationSettings(mailDirectory: "\(app.config.dataDirectory)/mail")
    }

    static func links(_ app: Application) -> UnsubscribeLink {
        app.storage[LinksKey.self] ?? UnsubscribeLink(baseURL: app.config.baseURL, secretKey: app.config.secretKey)
    }

    private struct ClientShutdown: LifecycleHandler {
        let client: HTTPClient
        func shutdownAsync(_ application: Application) async {
            try? await client.shutdown()
        }
    }
}
