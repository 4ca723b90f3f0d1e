import AsyncHTTPClient
import Core
import Foundation
import PaymentProviders
import Shared
import Vapor

/// Yape through Culqi: the payer types their phone and the 6-digit approval code from the
/// Yape app, and the charge is made at once. Culqi's webhooks are not signed, so a webhook
/// only says "look again": the charge is re-fetched from Culqi and only that is trusted.
public struct CulqiYapeGateway: PaymentGateway {
    public let provider = PaymentProviderID.culqiYape
    public var limit: Money? { client.configuration.yapeLimit }
    /// A Yape approval code lives a few minutes; a payer who leaves may come back within this.
    public let pendingWindow: TimeInterval = 30 * 60
    let client: CulqiClient

    public init(configuration: CulqiClient.Configuration, httpClient: HTTPClient) {
        client = CulqiClient(configuration: configuration, httpClient: httpClient)
    }

    /// CULQI_PUBLIC_KEY and CULQI_SECRET_KEY (both required), CULQI_API_URL, CULQI_SECURE_URL,
    /// CULQI_YAPE_LIMIT_CENTS; nil when Culqi is not configured.
    public static func configuration(fromEnvironment environment: [String: String]) -> CulqiClient.Configuration? {
        guard let publicKey = environment["CULQI_PUBLIC_KEY"], !publicKey.isEmpty,
              let secretKey = environment["CULQI_SECRET_KEY"], !secretKey.isEmpty else { return nil }
        let limit = environment["CULQI_YAPE_LIMIT_CENTS"].flatMap(Int64.init).map { Money(cents: $0) } ?? CulqiClient.yapeMaxLimit
        return CulqiClient.Configuration(
            apiBaseURL: environment["CULQI_API_URL"] ?? "https://api.culqi.com",
            secureBaseURL: environment["CULQI_SECURE_URL"] ?? "https://secure.culqi.com",
            publicKey: publicKey, secretKey: secretKey, yapeLimit: limit)
    }

    public func start(_ payment: Payment, request: PaymentRequest) async throws -> (providerPaymentID: String?, next: PaymentNextStep) {
        (nil, .askOTP)
    }

    /// Charges the payer's Yape. A decline (a wrong or used code) leaves the payment pending,
    /// so the payer can try a new code; the error says why, in words fit for them.
    public func pay(_ payment: Payment, phone: String, code: String, email: String) async throws -> PaymentUpdate {
        let charge = try await client.payWithYape(CulqiYapePayment(
            phone: phone, code: code, amount: payment.amount, email: email,
            paymentID: try payment.requireID().uuidString.lowercased(), description: payment.description))
        return update(from: charge, eventID: "charge-\(charge.id)", paymentID: payment.id)
    }

    public func update(fromWebhook body: ByteBuffer, headers: HTTPHeaders) async throws -> PaymentUpdate? {
        let event: CulqiEvent
        do { event = try CulqiEvent.parse(Data(body.readableBytesView)) } catch { throw Abort(.badRequest, reason: "\(error)") }
        guard event.objectType == "charge", let chargeID = event.objectID else { return nil }
        // What the webhook claims is not read: Culqi's answer about the charge is.
        let charge = try await client.charge(id: chargeID)
        return update(from: charge, eventID: event.id, paymentID: nil)
    }

    public func fetch(_ payment: Payment) async throws -> PaymentUpdate {
        guard let chargeID = payment.providerPaymentID else {
            return PaymentUpdate(eventID: nil, paymentID: payment.id, providerPaymentID: nil, state: payment.state, raw: "{}")
        }
        return update(from: try await client.charge(id: chargeID), eventID: nil, paymentID: payment.id)
    }

    public func refund(_ payment: Payment, idempotencyKey: String) async throws -> PaymentUpdate {
        guard let chargeID = payment.providerPaymentID else { throw Abort(.conflict, reason: "the payment has no Culqi charge") }
        let refund = try await client.refund(chargeID: chargeID, amount: payment.amount, reason: .requestedByCustomer)
        return PaymentUpdate(eventID: "refund-\(refund.id)", paymentID: payment.id, providerPaymentID: chargeID,
                             state: .refunded, raw: "{}")
    }

    /// The charge's state in ours: refunded in full, a sale, or a failed attempt.
    private func update(from charge: CulqiCharge, eventID: String?, paymentID: UUID?) -> PaymentUpdate {
        let state: PaymentState = charge.amountRefunded >= charge.amount && charge.amount > 0 ? .refunded
            : charge.succeeded ? .approved : .rejected
        let ours = paymentID ?? charge.metadata[CulqiMetadata.paymentIDKey].flatMap(UUID.init(uuidString:))
        return PaymentUpdate(eventID: eventID, paymentID: ours, providerPaymentID: charge.id, state: state,
                             reason: charge.succeeded ? nil : charge.outcome?.merchantMessage, raw: "{}")
    }
}
