import AsyncHTTPClient
import Core
import Fluent
import PaymentProviders
import Vapor

/// The gateway a business pays or is paid through: only the methods it turned on, with its
/// own Stripe or Culqi keys when it gave them, else the platform's.
public enum PaymentMethods {
    public static func gateway(
        _ provider: PaymentProviderID, for tenantID: UUID, app: Application, on db: any Database
    ) async throws -> (any PaymentGateway)? {
        let settings = try await TenantPaymentSettings.of(tenantID, now: app.clock.now(), on: db)
        guard settings.methods.contains(provider) else { return nil }
        let box = SecretBox(secretKey: app.config.secretKey, purpose: TenantPaymentSettings.keysPurpose)
        switch provider {
        case .stripe:
            if let key = settings.stripeSecretKeySealed.flatMap(box.open) {
                let secrets = settings.stripeWebhookSecretSealed.flatMap(box.open).map { [$0] } ?? []
                let platform = (app.paymentGateways[.stripe] as? StripeGateway)?.settings.client
                var client = StripeClient.Configuration(secretKey: key)
                if let platform { client.apiBaseURL = platform.apiBaseURL }
                return StripeGateway(settings: .init(client: client, webhookSecrets: secrets), httpClient: app.http.client.shared,
                                     baseURL: app.config.baseURL, clock: app.clock)
            }
        case .culqiYape:
            if let publicKey = settings.culqiPublicKey, let secret = settings.culqiSecretKeySealed.flatMap(box.open) {
                // The platform's configuration says where Culqi is (a fake, in tests) and the Yape cap.
                var configuration = CulqiClient.Configuration(publicKey: publicKey, secretKey: secret)
                if let platform = (app.paymentGateways[.culqiYape] as? CulqiYapeGateway)?.client.configuration {
                    configuration.apiBaseURL = platform.apiBaseURL
                    configuration.secureBaseURL = platform.secureBaseURL
                    configuration.yapeLimit = platform.yapeLimit
                }
                return CulqiYapeGateway(configuration: configuration, httpClient: app.http.client.shared)
            }
        case .sandbox, .voucher:
            break
        }
        return app.paymentGateways[provider]
    }
}
