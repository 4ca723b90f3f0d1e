import Core
import Vapor

/// Payments: registers the tables, the event types, the providers' webhook route and the
/// gateways on an app that `configure` has set up.
public enum Payments {
    public static func register(on app: Application, gateways: [any PaymentGateway]) {
        app.migrations.add(CreatePaymentTables())
        app.migrations.add(CreateVoucherTables())
        app.migrations.add(CreateTenantPaymentSettings())
        app.platformEventTypes += PaymentEvents.types
        app.platformNavigation.append(NavigationItem(.init(es: "Cobros", en: "Payments"), path: "payments",
                                                     permission: CorePermission.paymentsReview.id))
        app.paymentGateways = Dictionary(gateways.map { ($0.provider, $0) }, uniquingKeysWith: { _, last in last })
        app.platformOnboardingSteps.append(PaymentsStep.step)
        app.jobHandlers.register(PaymentExpiry.handler)
        app.scheduledJobs.append(PaymentExpiry.schedule)
        Strings.add(es: PaymentStrings.spanish, en: PaymentStrings.english)
        PaymentWebhooks().routes(app)
        PayerPages().routes(app)
        PaymentsController.routes(app)
    }

    /// The sandbox and Yape/Plin vouchers, which need no account anywhere; Stripe when STRIPE_SECRET_KEY is set;
    /// Yape through Culqi when CULQI_PUBLIC_KEY and CULQI_SECRET_KEY are.
    public static func defaultGateways(
        _ app: Application, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [any PaymentGateway] {
        var gateways: [any PaymentGateway] = [
            SandboxGateway(secretKey: app.config.secretKey, baseURL: app.config.baseURL),
            VoucherGateway(baseURL: app.config.baseURL),
        ]
        if let stripe = StripeGateway.Settings.fromEnvironment(environment) {
            gateways.append(StripeGateway(settings: stripe, httpClient: app.http.client.shared,
                                          baseURL: app.config.baseURL, clock: app.clock))
        }
        if let culqi = CulqiYapeGateway.configuration(fromEnvironment: environment) {
            gateways.append(CulqiYapeGateway(configuration: culqi, httpClient: app.http.client.shared))
        }
        return gateways
    }
}

extension Application {
    private struct GatewaysKey: StorageKey { typealias Value = [PaymentProviderID: any PaymentGateway] }

    public var paymentGateways: [PaymentProviderID: any PaymentGateway] {
        get { storage[GatewaysKey.self] ?? [:] }
        set { storage[GatewaysKey.self] = newValue }
    }
}
