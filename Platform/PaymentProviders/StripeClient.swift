import AsyncHTTPClient
import Foundation
import ProviderSupport
import NIOHTTP1
import Shared

/// Stripe's REST API for one-off payments (Checkout Sessions, PaymentIntent status, refunds) and
/// for charging a card saved at Checkout without the payer present.
public struct StripeClient: Sendable {
    public struct Configuration: Sendable {
        public var apiBaseURL: String
        /// `sk_live_…`/`sk_test_…`, or a restricted `rk_…` key with Checkout and Refunds write.
        public var secretKey: String
        /// The `Stripe-Version` header; nil uses the account's default version.
        public var apiVersion: String?
        /// Seconds for the whole exchange, body included.
        public var timeout: TimeInterval

        public init(
            apiBaseURL: String = "https://api.stripe.com", secretKey: String, apiVersion: String? = nil,
            timeout: TimeInterval = 20
        ) {
            self.apiBaseURL = apiBaseURL
            self.secretKey = secretKey
            self.apiVersion = apiVersion
            self.timeout = timeout
        }
    }

    /// Stripe's largest amount (eight digits of the smallest unit); a larger one fails anyway.
    public static let maxAmount: Int64 = 99_999_999

    public let configuration: Configuration
    private let httpClient: HTTPClient

    public init(configuration: Configuration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.httpClient = httpClient
    }

    /// `POST /v1/checkout/sessions` in payment mode with one line item. Send the same
    /// `idempotencyKey` when retrying, so that a lost answer never makes a second session.
    public func createCheckoutSession(
        _ checkout: StripeCheckoutRequest, idempotencyKey: String
    ) async throws(PaymentProviderError) -> StripeCheckoutSession {
        let fields = try checkout.formFields()
        return try await send(.POST, "/v1/checkout/sessions", form: fields, idempotencyKey: idempotencyKey)
    }

    /// `GET /v1/checkout/sessions/{id}`
    public func checkoutSession(id: String) async throws(PaymentProviderError) -> StripeCheckoutSession {
        try PaymentInput.requireID(id, field: "checkout session id", .stripe)
        return try await send(.GET, "/v1/checkout/sessions/\(id)")
    }

    /// `GET /v1/payment_intents/{id}`: trust this, not the browser's return to `success_url`.
    public func paymentIntent(id: String) async throws(PaymentProviderError) -> StripePaymentIntent {
        try PaymentInput.requireID(id, field: "payment intent id", .stripe)
        return try await send(.GET, "/v1/payment_intents/\(id)")
    }

    /// `POST /v1/payment_intents`, confirmed off-session against a saved card. A decline is a
    /// `PaymentProviderError` with reason `.declined` and Stripe's `code` (`card_declined`,
    /// `authentication_required`); Stripe keeps that answer for the Idempotency-Key.
    public func createOffSessionPayment(
        _ payment: StripeOffSessionPayment, idempotencyKey: String
    ) async throws(PaymentProviderError) -> StripePaymentIntent {
        let fields = try payment.formFields()
        return try await send(.POST, "/v1/payment_intents", form: fields, idempotencyKey: idempotencyKey)
    }

    /// `GET /v1/payment_methods/{id}`
    public func paymentMethod(id: String) async throws(PaymentProviderError) -> StripePaymentMethod {
        try PaymentInput.requireID(id, field: "payment method id", .stripe)
        return try await send(.GET, "/v1/payment_methods/\(id)")
    }

    /// `POST /v1/payment_methods/{id}/detach`: the card can no longer be charged.
    public func detachPaymentMethod(id: String, idempotencyKey: String) async throws(PaymentProviderError) -> StripePaymentMethod {
        try PaymentInput.requireID(id, field: "payment method id", .stripe)
        return try await send(.POST, "/v1/payment_methods/\(id)/detach", form: [], idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/refunds` for a PaymentIntent; `amount` nil refunds what is left.
    public func refund(
        paymentIntentID: String, amount: Money?, reason: StripeRefundReason?, paymentID: String?,
        idempotencyKey: String
    ) async throws(PaymentProviderError) -> StripeRefund {
        try PaymentInput.requireID(paymentIntentID, field: "payment intent id", .stripe)
        var fields = [("payment_intent", paymentIntentID)]
        if let amount {
            try PaymentInput.requirePositive(amount, .stripe)
            fields.append(("amount", String(amount.cents)))
        }
        if let reason { fields.append(("reason", reason.rawValue)) }
        if let paymentID { fields.append(("metadata[\(StripeMetadata.paymentIDKey)]", paymentID)) }
        return try await send(.POST, "/v1/refunds", form: fields, idempotencyKey: idempotencyKey)
    }

    private func send<Object: Decodable>(
        _ method: HTTPMethod, _ path: String, form: [(String, String)]? = nil, idempotencyKey: String? = nil
    ) async throws(PaymentProviderError) -> Object {
        var request = PaymentHTTP.request(
            method, base: configuration.apiBaseURL, path: path, bearer: configuration.secretKey,
            contentType: form == nil ? nil : "application/x-www-form-urlencoded",
            body: form.map { Array(FormURLEncoding.encode($0).utf8) })
        if let idempotencyKey {
            guard (1...255).contains(idempotencyKey.utf8.count) else { throw .invalid(.invalidIdempotencyKey, .stripe) }
            request.headers.add(name: "Idempotency-Key", value: idempotencyKey)
        }
        if let version = configuration.apiVersion { request.headers.add(name: "Stripe-Version", value: version) }

        let answer = try await PaymentHTTP.send(
            request, timeout: configuration.timeout, using: httpClient, provider: .stripe)
        guard answer.isSuccess else { throw StripeErrorBody.providerError(answer) }
        do {
            return try JSONDecoder().decode(Object.self, from: Data(answer.body))
        } catch {
            // Stripe did something; a retry with the same key would replay this same answer.
            throw PaymentProviderError(
                provider: .stripe, reason: .providerFailure, status: answer.status,
                message: "unreadable \(Object.self): \(error); body \(BodySnippet.text(answer.body))",
                isRetryable: false)
        }
    }
}

/// The reasons Stripe accepts on a refund.
public enum StripeRefundReason: String, Sendable {
    case duplicate
    case fraudulent
    case requestedByCustomer = "requested_by_customer"
}
