import AsyncHTTPClient
import Core
import NIOPosix
import Vapor

/// Outgoing webhooks: registers the tables, the delivery job, the event subscriber and the
/// owner's pages on an app that `configure` has set up.
public enum Webhooks {
    public struct Settings: Sendable {
        /// Seconds a receiver has to answer one call.
        public var timeout: TimeInterval = 10
        public init() {}
    }

    public static func register(on app: Application, settings: Settings = Settings()) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(Int64(settings.timeout)), read: .seconds(Int64(settings.timeout)))
        configuration.decompression = .disabled
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        app.lifecycle.use(ClientShutdown(client: client))

        let policy = WebhookURLPolicy(allowsPrivateAddresses: app.config.isDevelopment)
        let sender = WebhookSender(client: client, policy: policy, timeout: settings.timeout)
        app.storage[PolicyKey.self] = policy
        app.migrations.add(CreateWebhookTables())
        app.jobHandlers.register(WebhookDeliveryJob(sender: sender).handler)
        app.eventSubscribers.append(WebhookDeliveries.subscriber)
        app.notificationTemplates.register(WebhookTemplates.endpointDisabled)
        Strings.add(es: WebhookStrings.spanish, en: WebhookStrings.english)
        WebhooksController.routes(app)
    }

    private struct PolicyKey: StorageKey { typealias Value = WebhookURLPolicy }

    static func policy(_ app: Application) -> WebhookURLPolicy {
        app.storage[PolicyKey.self] ?? WebhookURLPolicy(allowsPrivateAddresses: false)
    }

    private struct ClientShutdown: LifecycleHandler {
        let client: HTTPClient
        func shutdownAsync(_ application: Application) async {
            try? await client.shutdown()
        }
    }
}
