import Core
import Vapor

/// Payments: registers the tables, the event types, the providers' webhook route and the
/// gateways on an app that `configure` has set up.
public enum Payments {
    public static func register(on app: Application, gateways: [any PaymentGateway]) {
        app.migrations.add(CreatePaymentTables())
        app.platformEventTypes += PaymentEvents.types
        app.paymentGateways = Dictionary(gateways.map { ($0.provider, $0) }, uniquingKeysWith: { _, last in last })
        PaymentWebhooks().routes(app)
    }

    /// The gateways every server has: today the sandbox, whose page is part of the platform.
    public static func defaultGateways(_ app: Application) -> [any PaymentGateway] {
        [SandboxGateway(secretKey: app.config.secretKey, baseURL: app.config.baseURL)]
    }
}

extension Application {
    private struct GatewaysKey: StorageKey { typealias Value = [PaymentProviderID: any PaymentGateway] }

    public var paymentGateways: [PaymentProviderID: any PaymentGateway] {
        get { storage[GatewaysKey.self] ?? [:] }
        set { storage[GatewaysKey.self] = newValue }
    }
}
