@testable import Core
import Fluent
import Foundation
@testable import Payments
import Shared
import TestSupport
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct StripeWebhookTests {}
}

private let stripeEnvironment = [
    "STRIPE_SECRET_KEY": "sk_test_multinicho", "STRIPE_API_URL": "http://127.0.0.1:9",
    "STRIPE_WEBHOOK_SECRETS": "whsec_new, whsec_old",
]

/// A Stripe payment as `PaymentService.create` would leave it after Checkout started.
private func stripePayment(_ app: Application, _ business: Business) async throws -> Payment {
    let request = PaymentRequest(purpose: "membership", reference: "2026-12", amount: Money(cents: 5_000),
                                 idempotencyKey: "membership-2026-12", description: "Plan Negocio")
    let payment = Payment(tenantID: business.id, request: request, provider: .stripe, now: Date(), expiresAt: nil)
    payment.providerPaymentID = "cs_test_1"
    try await payment.create(on: app.db)
    return payment
}

private func sessionCompleted(_ payment: Payment, eventID: String = "evt_1") throws -> Data {
    Data("""
        {"id":"\(eventID)","object":"event","api_version":"2024-06-20","created":1763737445,"livemode":false,
         "data":{"object":{"id":"cs_test_1","object":"checkout.session","amount_total":5000,"currency":"pen",
           "client_reference_id":"\(try payment.requireID().uuidString.lowercased())","metadata":{},
           "payment_status":"paid","status":"complete","payment_intent":"pi_1","url":null}},
         "pending_webhooks":1,"type":"checkout.session.completed"}
        """.utf8)
}

/// Posts `payload` as Stripe would, signed by the official stripe library with `secrets`.
private func post(
    _ app: Application, _ payload: Data, secrets: [String], age: TimeInterval = 0
) async throws -> TestingHTTPResponse {
    let timestamp = Int64(Date().addingTimeInterval(-age).timeIntervalSince1970)
    var headers = HTTPHeaders()
    headers.contentType = .json
    headers.add(name: "Stripe-Signature", value: try StripeSigner.header(for: payload, secrets: secrets, timestamp: timestamp))
    return try await app.testing().sendRequest(.POST, "/hooks/payments/stripe", headers: headers, body: ByteBuffer(data: payload))
}

extension AllTests.StripeWebhookTests {
    @Test func aSignedCompletedSessionApprovesOnceAndAReplayChangesNothing() async throws {
        try await withTestApp(paymentEnvironment: stripeEnvironment) { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let payment = try await stripePayment(app, business)
            let body = try sessionCompleted(payment)
            #expect(try await post(app, body, secrets: ["whsec_new"]).text == #"{"outcome":"changed:approved"}"#)
            #expect(try await post(app, body, secrets: ["whsec_new"]).text == #"{"outcome":"replayed"}"#)
            #expect(try await Payment.find(payment.id, on: app.db)?.state == .approved)
            #expect(try await StoredEvent.query(on: app.db).filter(\.$type == "payment.approved").count() == 1)
        }
    }

    @Test func theOldSecretStillWorksDuringARotation() async throws {
        try await withTestApp(paymentEnvironment: stripeEnvironment) { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let payment = try await stripePayment(app, business)
            let answer = try await post(app, try sessionCompleted(payment), secrets: ["whsec_old"])
            #expect(answer.status == .ok && answer.text == #"{"outcome":"changed:approved"}"#)
        }
    }

    @Test(arguments: [(["whsec_unknown"], 0.0), (["whsec_new"], 400.0)])
    func anUnknownSecretOrAStaleTimestampIs401AndChangesNothing(secrets: [String], age: TimeInterval) async throws {
        try await withTestApp(paymentEnvironment: stripeEnvironment) { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let payment = try await stripePayment(app, business)
            let answer = try await post(app, try sessionCompleted(payment), secrets: secrets, age: age)
            #expect(answer.status == .unauthorized)
            #expect(try await Payment.find(payment.id, on: app.db)?.state == .pending)
            #expect(try await StoredEvent.query(on: app.db).filter(\.$type == "payment.approved").count() == 0)
        }
    }

    @Test func eventsThatDecideNothingAreAcknowledged() async throws {
        try await withTestApp(paymentEnvironment: stripeEnvironment) { app in
            let other = Data(#"{"id":"evt_9","object":"event","created":1763737445,"livemode":false,"data":{"object":{"id":"in_1","object":"invoice"}},"type":"invoice.paid"}"#.utf8)
            let answer = try await post(app, other, secrets: ["whsec_new"])
            #expect(answer.status == .ok && answer.text == #"{"outcome":"ignored"}"#)
        }
    }
}
