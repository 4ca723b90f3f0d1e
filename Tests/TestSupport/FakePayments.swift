import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PaymentProviders
import Shared

/// The fake Stripe + Culqi server `tests/support/fake_payments.py`, one per test.
/// Stopped by `stop()`, by deinit, or by the closing stdin pipe if the test process dies.
public final class FakePayments: Sendable {
    public static let stripeKey = "sk_test_51MultinichoFakeKey0000"
    public static let culqiPublicKey = "pk_test_multinicho0001"
    public static let culqiSecretKey = "sk_test_multinicho0001"

    public struct Recorded: Decodable {
        public let method: String
        public let path: String
        public let headers: [String: String]
        public let body: String
        public let status: Int?
        public let replayed: Bool

        public var json: JSON? { try? JSONDecoder().decode(JSON.self, from: Data(body.utf8)) }
        public var form: [String: String] { Form.decode(body) }
    }

    /// An event exactly as Stripe would POST it, unsigned.
    public struct StripeEventBody: Decodable {
        public let type: String
        public let body: String
    }

    public struct Paid: Decodable {
        public let payment_intent: String
        public let charge: String?
        public let customer: String?
        public let payment_method: String?
    }

    /// A Stripe Customer and the cards attached to it now.
    public struct Customer: Decodable {
        public let id: String
        public let payment_methods: [String]
    }

    private let helper: PythonHelper
    public var baseURL: String { "http://127.0.0.1:\(helper.port)" }

    /// `slowSeconds`: how long the "slow" magic values make the fake wait.
    public init(slowSeconds: Double = 5) throws {
        helper = try PythonHelper("tests/support/fake_payments.py", [
            "--stripe-key", Self.stripeKey, "--culqi-public-key", Self.culqiPublicKey,
            "--culqi-secret-key", Self.culqiSecretKey, "--slow-seconds", String(slowSeconds),
        ])
    }

    public func stop() { helper.stop() }

    /// Clients wait up to 60 s by default: a CI machine busy with builds can stall the fake's
    /// answer for seconds, and only the timeout tests (1 s against a 60 s fake) mean to time out.
    public func stripe(timeout: TimeInterval = 60, key: String = stripeKey) -> StripeClient {
        StripeClient(
            configuration: .init(apiBaseURL: baseURL, secretKey: key, timeout: timeout), httpClient: .shared)
    }

    public func culqi(
        timeout: TimeInterval = 60, publicKey: String = culqiPublicKey, secretKey: String = culqiSecretKey,
        yapeLimit: Money = CulqiClient.yapeMaxLimit
    ) -> CulqiClient {
        let configuration = CulqiClient.Configuration(
            apiBaseURL: baseURL + "/culqi-api", secureBaseURL: baseURL + "/culqi-secure", publicKey: publicKey,
            secretKey: secretKey, yapeLimit: yapeLimit, timeout: timeout)
        return CulqiClient(configuration: configuration, httpClient: .shared)
    }

    public func requests() async throws -> [Recorded] {
        try JSONDecoder().decode([Recorded].self, from: try await call(.GET, "/_requests"))
    }

    /// The payer finishes Stripe's page: "succeeded" or "card_declined".
    public func pay(session: String, outcome: String) async throws -> Paid {
        let body = try JSONSerialization.data(withJSONObject: ["session": session, "outcome": outcome])
        return try JSONDecoder().decode(Paid.self, from: try await call(.POST, "/_stripe/pay", body: body))
    }

    /// How later off-session charges of `paymentMethod` end: "succeeded", "card_declined" or
    /// "authentication_required".
    public func setCard(_ paymentMethod: String, outcome: String) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["payment_method": paymentMethod, "outcome": outcome])
        _ = try await call(.POST, "/_stripe/cards", body: body)
    }

    public func customers() async throws -> [Customer] {
        try JSONDecoder().decode([Customer].self, from: try await call(.GET, "/_stripe/customers"))
    }

    public func stripeEvents() async throws -> [StripeEventBody] {
        try JSONDecoder().decode([StripeEventBody].self, from: try await call(.GET, "/_stripe/events"))
    }

    /// The unsigned webhook body Culqi would POST about `charge`.
    public func culqiEvent(charge: String, dataAsString: Bool = false) async throws -> Data {
        let request: [String: Any] = ["charge": charge, "data_as_string": dataAsString]
        let body = try JSONSerialization.data(withJSONObject: request)
        struct Event: Decodable { let body: String }
        let event = try JSONDecoder().decode(Event.self, from: try await call(.POST, "/_culqi/event", body: body))
        return Data(event.body.utf8)
    }

    private func call(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 10 << 20)
        guard response.status == .ok else {
            throw PythonHelper.Failed(description: "\(method) \(path): \(response.status) \(String(buffer: buffer))")
        }
        return Data(buffer.readableBytesView)
    }
}

/// The element of a one-element array, else nil.
extension Array {
    public var only: Element? { count == 1 ? first : nil }
}
