import Core
import Foundation
import Shared
import Vapor

/// Yape or Plin paid to the business's own number or QR, with no gateway in between: the payer
/// pays in their app and sends the operation number on the payment's page, and staff check it
/// against their wallet before approving (`VoucherReview`).
public struct VoucherGateway: PaymentGateway {
    public let provider = PaymentProviderID.voucher
    /// The most a payer can send in one Yape (the cap they set in the app goes up to S/ 2,000).
    public let limit: Money? = Money(cents: 200_000)
    /// A payer has a day to pay and send the number; a claimed voucher waits for staff.
    public let pendingWindow: TimeInterval = 24 * 3600
    let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL
    }

    public func start(_ payment: Payment, request: PaymentRequest) async throws -> (providerPaymentID: String?, next: PaymentNextStep) {
        (nil, .redirect("\(baseURL)/pay/\(try payment.requireID().uuidString.lowercased())"))
    }

    /// Vouchers have no provider to notify us: only staff decide.
    public func update(fromWebhook body: ByteBuffer, headers: HTTPHeaders) async throws -> PaymentUpdate? {
        throw WebhookRejected("voucher payments have no webhook")
    }

    public func fetch(_ payment: Payment) async throws -> PaymentUpdate {
        PaymentUpdate(eventID: nil, paymentID: payment.id, providerPaymentID: nil, state: payment.state, raw: "{}")
    }

    /// The money went from one wallet to another: giving it back is done in the app, by hand.
    public func refund(_ payment: Payment, idempotencyKey: String) async throws -> PaymentUpdate {
        PaymentUpdate(eventID: "voucher-refund-\(idempotencyKey)", paymentID: payment.id, providerPaymentID: nil,
                      state: .refunded, raw: "{}")
    }
}
