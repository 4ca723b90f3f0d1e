@testable import Core
import Fluent
import Foundation
import PaymentProviders
@testable import Payments
import Shared
import TestSupport
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct CulqiYapeTests {}
}

private func culqiEnvironment(_ fake: FakePayments) -> [String: String] {
    ["CULQI_PUBLIC_KEY": FakePayments.culqiPublicKey, "CULQI_SECRET_KEY": FakePayments.culqiSecretKey,
     "CULQI_API_URL": fake.baseURL + "/culqi-api", "CULQI_SECURE_URL": fake.baseURL + "/culqi-secure"]
}

private func yapePayment(_ app: Application, _ business: Business, key: String = "order-7") async throws -> (Payment, CulqiYapeGateway) {
    let gateway = try #require(app.paymentGateways[.culqiYape] as? CulqiYapeGateway)
    let request = PaymentRequest(purpose: "order", reference: "7", amount: Money(cents: 4_550), idempotencyKey: key,
                                 description: "Lavado 5 kg", payerEmail: "cliente@example.pe")
    return (try await PaymentService.create(request, tenantID: business.id, gateway: gateway, now: Date(), on: app.db), gateway)
}

private func hook(_ app: Application, _ body: Data) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders()
    headers.contentType = .json
    return try await app.testing().sendRequest(.POST, "/hooks/payments/culqi_yape", headers: headers, body: ByteBuffer(data: body))
}

extension AllTests.CulqiYapeTests {
    @Test func aWrongCodeLeavesThePaymentPendingAndTheRightOneApprovesIt() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        try await withTestApp(paymentEnvironment: culqiEnvironment(fake)) { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            let (payment, gateway) = try await yapePayment(app, business)
            #expect(payment.nextStep == .askOTP)

            let declined = try await #require(throws: PaymentProviderError.self) {
                try await gateway.pay(payment, phone: "900000001", code: "000000", email: "cliente@example.pe")
            }
            #expect(declined.reason == .declined)
            #expect(try await Payment.find(payment.id, on: app.db)?.state == .pending)

            let update = try await gateway.pay(payment, phone: "900000001", code: "425251", email: "cliente@example.pe")
            #expect(try await PaymentLedger.apply(update, provider: .culqiYape, now: Date(), on: app.db) == .changed(try payment.requireID(), .approved))
            let stored = try #require(try await Payment.find(payment.id, on: app.db))
            #expect(stored.state == .approved && stored.providerPaymentID?.hasPrefix("chr_") == true)
        }
    }

    @Test func aWebhookIsOnlyATriggerToReFetchTheCharge() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        try await withTestApp(paymentEnvironment: culqiEnvironment(fake)) { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            let (payment, _) = try await yapePayment(app, business)
            // The charge went through at Culqi, but our answer was lost: only the webhook tells us.
            let charge = try await fake.culqi().payWithYape(CulqiYapePayment(
                phone: "900000001", code: "425251", amount: Money(cents: 4_550), email: "cliente@example.pe",
                paymentID: try payment.requireID().uuidString.lowercased()))
            let event = try await fake.culqiEvent(charge: charge.id)
            #expect(try await hook(app, event).text == #"{"outcome":"changed:approved"}"#)
            #expect(try await hook(app, event).text == #"{"outcome":"replayed"}"#)

            // A forged event about a charge Culqi does not have changes nothing.
            let forged = Data(#"{"object":"event","id":"evt_forged","type":"charge.creation.succeeded","data":{"object":"charge","id":"chr_test_forged00000"}}"#.utf8)
            let answer = try await hook(app, forged)
            #expect(answer.status == .ok && answer.text == #"{"outcome":"unknown_payment"}"#)
            #expect(try await StoredEvent.query(on: app.db).filter(\.$type == "payment.approved").count() == 1)
        }
    }

    @Test func anAmountOverTheYapeLimitIs422BeforeCulqiHearsOfIt() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        var environment = culqiEnvironment(fake)
        environment["CULQI_YAPE_LIMIT_CENTS"] = "50000"
        try await withTestApp(paymentEnvironment: environment) { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            let gateway = try #require(app.paymentGateways[.culqiYape])
            let request = PaymentRequest(purpose: "order", reference: "8", amount: Money(cents: 50_001), idempotencyKey: "o-8",
                                         description: "Edredones")
            await #expect(throws: PaymentInputError(field: "amount", message: "is over the culqi_yape limit of S/ 500.00")) {
                try await PaymentService.create(request, tenantID: business.id, gateway: gateway, now: Date(), on: app.db)
            }
            #expect(try await fake.requests().isEmpty)
        }
    }
}

extension AllTests.CulqiYapeTests {
    @Test func thePayerTypesTheCodeOnThePaymentPage() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        try await withTestApp(paymentEnvironment: culqiEnvironment(fake)) { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            let owner = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/payments")
            _ = try await owner.post("/t/\(business.slug)/payments/methods", [("methods[]", "culqi_yape")])
            let (payment, _) = try await yapePayment(app, business)
            let id = try payment.requireID().uuidString.lowercased()

            let payer = Browser(app)
            #expect(try await payer.get("/pay/\(id)").body.contains(#"id="yape-form""#))
            let refused = try await payer.post("/pay/\(id)/yape", [("phone", "900 000 001"), ("code", "000000"), ("email", "c@example.pe")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains(#"id="error-yape""#))
            #expect(try await Payment.find(payment.id, on: app.db)?.state == .pending)

            let paid = try await payer.post("/pay/\(id)/yape", [("phone", "900000001"), ("code", "425251"), ("email", "c@example.pe")])
            #expect(paid.status == .seeOther)
            #expect(try await payer.get("/pay/\(id)").body.contains(#"data-state="approved""#))
        }
    }
}
