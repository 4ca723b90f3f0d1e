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
    @Suite struct PaymentMethodsTests {}
}

private let stripeKey = "sk_test_51TenantOwnKey0000abcdef"
private let tenantSecret = "whsec_tenant_own_secret_1234"

private func saveMethods(_ owner: Browser, _ business: Business, _ fields: [(String, String)]) async throws -> Page {
    try await owner.post("/t/\(business.slug)/payments/methods", fields)
}

private func stripePayment(_ app: Application, _ business: Business, key: String) async throws -> Payment {
    let request = PaymentRequest(purpose: "order", reference: key, amount: Money(cents: 2_000), idempotencyKey: key,
                                 description: "Pedido")
    let payment = Payment(tenantID: business.id, request: request, provider: .stripe, now: Date(), expiresAt: nil)
    try await payment.create(on: app.db)
    return payment
}

private func completed(_ payment: Payment, event: String) throws -> Data {
    Data("""
        {"id":"\(event)","object":"event","created":1763737445,"livemode":false,"type":"payment_intent.succeeded",
         "data":{"object":{"id":"pi_\(event)","object":"payment_intent","amount":2000,"currency":"pen","status":"succeeded",
           "metadata":{"payment_id":"\(try payment.requireID().uuidString.lowercased())"}}}}
        """.utf8)
}

private func post(_ app: Application, _ path: String, _ body: Data, secret: String) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders()
    headers.contentType = .json
    let header = try StripeSigner.header(for: body, secrets: [secret], timestamp: Int64(Date().timeIntervalSince1970))
    headers.add(name: "Stripe-Signature", value: header)
    return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
}

extension AllTests.PaymentMethodsTests {
    @Test func keysAreStoredSealedAndShownMasked() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let owner = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/payments")

            let bad = try await saveMethods(owner, business, [("methods[]", "stripe"), ("stripeSecretKey", "pk_test_wrong")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("La clave debe empezar con sk_"))
            let missing = try await saveMethods(owner, business, [("methods[]", "stripe")])
            #expect(missing.status == .unprocessableEntity && missing.body.contains("ingresa tu clave secreta de Stripe"))

            let saved = try await saveMethods(owner, business, [
                ("methods[]", "voucher"), ("methods[]", "stripe"), ("stripeSecretKey", stripeKey), ("stripeWebhookSecret", tenantSecret),
            ])
            #expect(saved.status == .seeOther)
            let row = try #require(try await TenantPaymentSettings.query(on: app.db).first())
            #expect(row.methods == [.voucher, .stripe])
            let sealed = try #require(row.stripeSecretKeySealed)
            #expect(!sealed.contains("TenantOwnKey"))
            #expect(SecretBox(secretKey: app.config.secretKey, purpose: "payments.keys").open(sealed) == stripeKey)
            #expect(SecretBox(secretKey: app.config.secretKey, purpose: "other").open(sealed) == nil)

            let page = try await owner.get("/t/\(business.slug)/payments")
            #expect(page.body.contains("sk_test_…cdef") && !page.body.contains(stripeKey) && !page.body.contains(tenantSecret))
            // Saving again with the key fields empty keeps the keys.
            #expect(try await saveMethods(owner, business, [("methods[]", "voucher"), ("methods[]", "stripe")]).status == .seeOther)
            #expect(try await TenantPaymentSettings.query(on: app.db).first()?.stripeSecretKeySealed == sealed)
        }
    }

    @Test func aBusinessWithItsOwnStripeAccountGetsWebhooksOnItsOwnURL() async throws {
        try await withTestApp { app in
            let rosa = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let other = try await makeBusiness(app, name: "Otra Bodega", email: "otra@example.pe")
            let owner = try await ownerBrowser(app, rosa, opening: "/t/\(rosa.slug)/payments")
            _ = try await saveMethods(owner, rosa, [("methods[]", "stripe"), ("stripeSecretKey", stripeKey), ("stripeWebhookSecret", tenantSecret)])
            let url = "/hooks/payments/stripe/\(rosa.id.uuidString.lowercased())"
            let mine = try await stripePayment(app, rosa, key: "a")
            let theirs = try await stripePayment(app, other, key: "b")

            #expect(try await post(app, url, try completed(mine, event: "evt_1"), secret: "whsec_someone_else").status == .unauthorized)
            #expect(try await post(app, url, try completed(theirs, event: "evt_2"), secret: tenantSecret).text == #"{"outcome":"unknown_payment"}"#)
            #expect(try await post(app, url, try completed(mine, event: "evt_3"), secret: tenantSecret).text == #"{"outcome":"changed:approved"}"#)
            #expect(try await Payment.find(theirs.id, on: app.db)?.state == .pending)
            // A business that did not turn Stripe on has no such URL.
            let closed = "/hooks/payments/stripe/\(other.id.uuidString.lowercased())"
            #expect(try await post(app, closed, try completed(theirs, event: "evt_4"), secret: tenantSecret).status == .notFound)
        }
    }

    @Test func linksNeedTheVoucherMethod() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let owner = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/payments")
            #expect(try await saveMethods(owner, business, [("methods[]", "sandbox")]).status == .seeOther)
            let refused = try await owner.post("/t/\(business.slug)/payments/links", [("description", "Pedido"), ("amount", "10.00")])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Activa Yape y Plin"))
            #expect(try await Payment.query(on: app.db).count() == 0)
        }
    }
}
