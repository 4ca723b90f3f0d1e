import AsyncHTTPClient
import Core
import Foundation
import PaymentProviders
import Shared
import Vapor

/// Card payments through Stripe Checkout: the payer is sent to Stripe's page, and Stripe's
/// signed webhooks (`Stripe-Signature`) decide the state.
public struct StripeGateway: CardOnFileGateway {
    public struct Settings: Sendable {
        public var client: StripeClient.Configuration
        /// Endpoint secrets (`whsec_…`); more than one while a secret is being rotated.
        public var webhookSecrets: [String]

        public init(client: StripeClient.Configuration, webhookSecrets: [String]) {
            self.client = client
            self.webhookSecrets = webhookSecrets
        }

        /// STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRETS (comma-separated), STRIPE_API_URL; nil
        /// when Stripe is not configured.
        public static func fromEnvironment(_ environment: [String: String]) -> Settings? {
            guard let key = environment["STRIPE_SECRET_KEY"], !key.isEmpty else { return nil }
            let secrets = (environment["STRIPE_WEBHOOK_SECRETS"] ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let base = environment["STRIPE_API_URL"] ?? "https://api.stripe.com"
            return Settings(client: .init(apiBaseURL: base, secretKey: key), webhookSecrets: secrets)
        }
    }

    public let provider = PaymentProviderID.stripe
    public let limit: Money? = Money(cents: StripeClient.maxAmount)
    /// Checkout Sessions expire after 24 hours by default.
    public let pendingWindow: TimeInterval = 24 * 3600
    let settings: Settings
    let client: StripeClient
    let baseURL: String
    let clock: any PlatformClock

    public init(settings: Settings, httpClient: HTTPClient, baseURL: String, clock: any PlatformClock) {
        self.settings = settings
        self.client = StripeClient(configuration: settings.client, httpClient: httpClient)
        self.baseURL = baseURL
        self.clock = clock
    }

    public func start(_ payment: Payment, request: PaymentRequest) async throws -> (providerPaymentID: String?, next: PaymentNextStep) {
        let id = try payment.requireID().uuidString.lowercased()
        let checkout = StripeCheckoutRequest(
            paymentID: id, amount: request.amount, productName: request.description,
            successURL: "\(baseURL)/pay/\(id)?result=success", cancelURL: "\(baseURL)/pay/\(id)?result=cancel",
            customerEmail: request.payerEmail, metadata: ["tenant_id": payment.tenantID.uuidString.lowercased()],
            saveCardForFutureUse: request.saveCard)
        let session = try await client.createCheckoutSession(checkout, idempotencyKey: "payment-\(id)")
        guard let url = session.url else {
            throw PaymentProviderError(provider: .stripe, reason: .providerFailure, status: nil,
                                       message: "Stripe created Checkout Session \(session.id) without a url", isRetryable: false)
        }
        return (session.id, .redirect(url))
    }

    public func update(fromWebhook body: ByteBuffer, headers: HTTPHeaders) async throws -> PaymentUpdate? {
        let payload = Data(body.readableBytesView)
        do {
            try StripeSignature.verify(payload: payload, header: headers.first(name: "Stripe-Signature"),
                                       secrets: settings.webhookSecrets, now: clock.now())
        } catch {
            throw WebhookRejected("Stripe-Signature: \(error)")
        }
        let event: StripeEvent
        do { event = try StripeEvent.parse(payload) } catch { throw Abort(.badRequest, reason: "not a Stripe event: \(error)") }
        guard let state = Self.state(of: event) else { return nil }
        return PaymentUpdate(eventID: event.id, paymentID: event.paymentID.flatMap(UUID.init(uuidString:)),
                             providerPaymentID: event.objectID, state: state, reason: event.failureMessage,
                             raw: String(decoding: payload, as: UTF8.self))
    }

    /// The payment state an event reports; nil for events that decide nothing (a completed
    /// session whose delayed payment is still unpaid, or types we do not act on).
    static func state(of event: StripeEvent) -> PaymentState? {
        switch event.kind {
        case .checkoutSessionCompleted(let session): session.paymentStatus == "paid" ? .approved : nil
        case .paymentIntentSucceeded: .approved
        case .paymentIntentPaymentFailed: .rejected
        case .chargeRefunded(let charge): charge.refunded ? .refunded : nil
        case .other: nil
        }
    }

    public func fetch(_ payment: Payment) async throws -> PaymentUpdate {
        guard let sessionID = payment.providerPaymentID else {
            return PaymentUpdate(eventID: nil, paymentID: payment.id, providerPaymentID: nil, state: payment.state, raw: "{}")
        }
        let session = try await client.checkoutSession(id: sessionID)
        let state: PaymentState = session.paymentStatus == "paid" ? .approved : (session.status == "expired" ? .expired : .pending)
        return PaymentUpdate(eventID: nil, paymentID: payment.id, providerPaymentID: sessionID, state: state, raw: "{}")
    }

    public func refund(_ payment: Payment, idempotencyKey: String) async throws -> PaymentUpdate {
        guard let sessionID = payment.providerPaymentID,
              let intent = try await client.checkoutSession(id: sessionID).paymentIntentID else {
            throw Abort(.conflict, reason: "the payment has no Stripe charge to refund")
        }
        let refund = try await client.refund(paymentIntentID: intent, amount: nil, reason: .requestedByCustomer,
                                             paymentID: payment.id?.uuidString.lowercased(), idempotencyKey: idempotencyKey)
        return PaymentUpdate(eventID: "refund-\(refund.id)", paymentID: payment.id, providerPaymentID: sessionID,
                             state: .refunded, raw: "{}")
    }

    /// The card Checkout attached to a Customer (the payer ticked "save"): the session names the
    /// Customer and the PaymentIntent the card. Off-session payments (`pi_…`) keep no new card.
    public func savedCard(of payment: Payment) async throws -> SavedCard? {
        guard let sessionID = payment.providerPaymentID, sessionID.hasPrefix("cs_") else { return nil }
        let session = try await client.checkoutSession(id: sessionID)
        guard let customer = session.customerID, let intentID = session.paymentIntentID,
              let methodID = try await client.paymentIntent(id: intentID).paymentMethodID else { return nil }
        let method = try await client.paymentMethod(id: methodID)
        guard method.customerID == customer, let card = method.card else { return nil }
        let label = "\(card.brand.uppercased()) •••• \(card.last4) (\(String(format: "%02d", card.expMonth))/\(card.expYear))"
        return SavedCard(provider: .stripe, customerRef: customer, methodRef: method.id, label: label)
    }

    public func charge(_ payment: Payment, request: PaymentRequest, card: SavedCard) async throws -> (update: PaymentUpdate, needsPayer: Bool) {
        let id = try payment.requireID().uuidString.lowercased()
        let charge = StripeOffSessionPayment(
            paymentID: id, amount: request.amount, customerID: card.customerRef, paymentMethodID: card.methodRef,
            description: request.description, metadata: ["tenant_id": payment.tenantID.uuidString.lowercased()])
        let intent: StripePaymentIntent
        do {
            intent = try await client.createOffSessionPayment(charge, idempotencyKey: "payment-\(id)")
        } catch {
            let failure: PaymentProviderError = error
            guard failure.reason == .declined else { throw failure }
            let update = PaymentUpdate(eventID: nil, paymentID: payment.id, providerPaymentID: nil, state: .rejected,
                                       reason: failure.userMessage ?? failure.message, raw: "{}")
            return (update, failure.code == "authentication_required")
        }
        let state: PaymentState = intent.status == "succeeded" ? .approved : .pending
        return (PaymentUpdate(eventID: nil, paymentID: payment.id, providerPaymentID: intent.id, state: state, raw: "{}"), false)
    }

    public func forget(_ card: SavedCard) async throws {
        _ = try await client.detachPaymentMethod(id: card.methodRef, idempotencyKey: "detach-\(card.methodRef)")
    }
}
