import AsyncHTTPClient
import Foundation
import ProviderSupport
import NIOHTTP1
import Shared

/// Culqi's API for Yape payments: a token from the payer's number and approval code, then a
/// charge, and reading a charge back. Culqi's webhooks carry no signature, so a webhook may
/// only make us call `charge(id:)`; the answer to that is what we trust.
public struct CulqiClient: Sendable {
    public struct Configuration: Sendable {
        /// Charges, refunds: secret key.
        public var apiBaseURL: String
        /// Tokens: public key.
        public var secureBaseURL: String
        /// `pk_live_…`/`pk_test_…`
        public var publicKey: String
        /// `sk_live_…`/`sk_test_…`
        public var secretKey: String
        /// The payer sets a cap of S/ 500, S/ 900 or S/ 2,000 per payment in the Yape app
        /// (payments.md). Nobody can pay above S/ 2,000; lower this to refuse earlier.
        public var yapeLimit: Money
        /// Seconds for the whole exchange, body included.
        public var timeout: TimeInterval

        public init(
            apiBaseURL: String = "https://api.culqi.com", secureBaseURL: String = "https://secure.culqi.com",
            publicKey: String, secretKey: String, yapeLimit: Money = CulqiClient.yapeMaxLimit,
            timeout: TimeInterval = 20
        ) {
            self.apiBaseURL = apiBaseURL
            self.secureBaseURL = secureBaseURL
            self.publicKey = publicKey
            self.secretKey = secretKey
            self.yapeLimit = yapeLimit
            self.timeout = timeout
        }
    }

    /// The highest per-payment cap a payer can choose in Yape.
    public static let yapeMaxLimit = Money(cents: 200_000)

    public let configuration: Configuration
    private let httpClient: HTTPClient

    public init(configuration: Configuration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.httpClient = httpClient
    }

    /// Token, then charge. The approval code is spent by the token, so any retry needs a new
    /// code from the payer. A refused charge charged nothing; a charge with no answer may exist,
    /// so look for it (by `metadata.payment_id`) before asking the payer again.
    public func payWithYape(_ payment: CulqiYapePayment) async throws(PaymentProviderError) -> CulqiCharge {
        try payment.validate(limit: configuration.yapeLimit)
        let metadata = [CulqiMetadata.paymentIDKey: payment.paymentID]
        let token = try await yapeToken(
            phone: payment.phone, code: payment.code, amount: payment.amount, metadata: metadata)
        let body = CulqiRequestBody.Charge(
            amount: payment.amount.cents, currency_code: payment.amount.currency.code, email: payment.email,
            source_id: token.id, description: payment.description, metadata: metadata)
        return try await send(.POST, "/v2/charges", body: try CulqiRequestBody.encode(body))
    }

    /// `GET /v2/charges/{id}`: the state to trust after a webhook.
    public func charge(id: String) async throws(PaymentProviderError) -> CulqiCharge {
        try PaymentInput.requireID(id, field: "charge id", .culqi)
        return try await send(.GET, "/v2/charges/\(id)")
    }

    /// `POST /v2/refunds`. Culqi documents no idempotency key: before retrying after a lost
    /// answer, read the charge's `amountRefunded`.
    public func refund(
        chargeID: String, amount: Money, reason: CulqiRefundReason
    ) async throws(PaymentProviderError) -> CulqiRefund {
        try PaymentInput.requireID(chargeID, field: "charge id", .culqi)
        try PaymentInput.requirePositive(amount, .culqi)
        let body = CulqiRequestBody.Refund(amount: amount.cents, charge_id: chargeID, reason: reason.rawValue)
        return try await send(.POST, "/v2/refunds", body: try CulqiRequestBody.encode(body))
    }

    /// `POST /v2/tokens/yape` on the secure host, with the public key.
    func yapeToken(
        phone: String, code: String, amount: Money, metadata: [String: String]
    ) async throws(PaymentProviderError) -> CulqiYapeToken {
        let body = CulqiRequestBody.YapeToken(number_phone: phone, otp: code, amount: amount.cents, metadata: metadata)
        let request = PaymentHTTP.request(
            .POST, base: configuration.secureBaseURL, path: "/v2/tokens/yape", bearer: configuration.publicKey,
            contentType: "application/json", body: try CulqiRequestBody.encode(body))
        return try await exchange(request, step: .yapeToken)
    }

    private func send<Object: Decodable>(
        _ method: HTTPMethod, _ path: String, body: [UInt8]? = nil
    ) async throws(PaymentProviderError) -> Object {
        let request = PaymentHTTP.request(
            method, base: configuration.apiBaseURL, path: path, bearer: configuration.secretKey,
            contentType: body == nil ? nil : "application/json", body: body)
        return try await exchange(request, step: .other)
    }

    private func exchange<Object: Decodable>(
        _ request: HTTPClientRequest, step: CulqiErrorBody.Step
    ) async throws(PaymentProviderError) -> Object {
        let answer = try await PaymentHTTP.send(
            request, timeout: configuration.timeout, using: httpClient, provider: .culqi)
        guard answer.isSuccess else { throw CulqiErrorBody.providerError(answer, step: step) }
        do {
            return try JSONDecoder().decode(Object.self, from: Data(answer.body))
        } catch {
            // Culqi acted on the request: sending it again could charge twice.
            throw PaymentProviderError(
                provider: .culqi, reason: .providerFailure, status: answer.status,
                message: "unreadable \(Object.self): \(error); body \(BodySnippet.text(answer.body))",
                isRetryable: false)
        }
    }
}
