import Core
import Foundation
import Shared
import Vapor

/// A provider that lives inside the platform: its page approves or rejects with a click, so
/// every flow works under `make run` and for tenants in sandbox mode, with no account anywhere.
///
/// It still speaks through a signed webhook like a real provider (HMAC-SHA256 of the body with
/// a key derived from SECRET_KEY, in `Sandbox-Signature`), so the sandbox exercises the same
/// verification, replay protection and state change as Stripe does.
public struct SandboxGateway: PaymentGateway {
    public let provider = PaymentProviderID.sandbox
    public let limit: Money? = nil
    public let pendingWindow: TimeInterval = 30 * 60
    let signingKey: String
    let baseURL: String

    public init(secretKey: String, baseURL: String) {
        signingKey = RandomToken.hmacHex("payments.sandbox.webhook", key: secretKey)
        self.baseURL = baseURL
    }

    /// What the sandbox page posts to its own webhook.
    public struct Notification: Codable, Sendable, Equatable {
        public let eventID: String
        public let paymentID: UUID
        public let outcome: PaymentState
        public let reason: String?
    }

    public func start(_ payment: Payment, request: PaymentRequest) async throws -> (providerPaymentID: String?, next: PaymentNextStep) {
        let id = try payment.requireID()
        return ("sbx_\(id.uuidString.lowercased())", .redirect("\(baseURL)/pay/sandbox/\(id.uuidString.lowercased())"))
    }

    public func signature(of body: [UInt8]) -> String {
        RandomToken.hmacHex(String(decoding: body, as: UTF8.self), key: signingKey)
    }

    public func update(fromWebhook body: ByteBuffer, headers: HTTPHeaders) async throws -> PaymentUpdate? {
        let bytes = Array(body.readableBytesView)
        guard let given = headers.first(name: "Sandbox-Signature"),
              RandomToken.constantTimeEquals(given, signature(of: bytes)) else {
            throw WebhookRejected("Sandbox-Signature does not match the body")
        }
        let note = try JSONDecoder().decode(Notification.self, from: Data(bytes))
        return PaymentUpdate(eventID: note.eventID, paymentID: note.paymentID, providerPaymentID: nil,
                             state: note.outcome, reason: note.reason, raw: String(decoding: bytes, as: UTF8.self))
    }

    /// The sandbox has no state of its own: what the ledger says is the answer.
    public func fetch(_ payment: Payment) async throws -> PaymentUpdate {
        PaymentUpdate(eventID: nil, paymentID: try payment.requireID(), providerPaymentID: payment.providerPaymentID,
                      state: payment.state, raw: payment.rawPayload ?? "{}")
    }

    public func refund(_ payment: Payment, idempotencyKey: String) async throws -> PaymentUpdate {
        PaymentUpdate(eventID: "sandbox-refund-\(idempotencyKey)", paymentID: try payment.requireID(),
                      providerPaymentID: payment.providerPaymentID, state: .refunded, raw: "{}")
    }
}
