@testable import Core
import Fluent
import Foundation
@testable import Payments
import Shared
import Testing
import Vapor

extension AllTests {
    @Suite struct PayerPagesTests {}
}

extension AllTests.PayerPagesTests {
    @Test func theSandboxPageApprovesThroughTheSignedWebhookPath() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@example.pe")
            let gateway = try #require(app.paymentGateways[.sandbox])
            let request = PaymentRequest(purpose: "booking", reference: "42", amount: Money(cents: 8_050),
                                         idempotencyKey: "booking-42", description: "Reserva alisado largo")
            let payment = try await PaymentService.create(request, tenantID: business.id, gateway: gateway, now: Date(), on: app.db)
            let id = try payment.requireID().uuidString.lowercased()

            let payer = Browser(app)
            let status = try await payer.get("/pay/\(id)")
            #expect(status.body.contains("Reserva alisado largo") && status.body.contains("S/ 80.50"))
            #expect(status.body.contains(#"data-state="pending""#) && status.body.contains(#"href="http://localhost:8080/pay/sandbox/\#(id)""#))

            let sandbox = try await payer.get("/pay/sandbox/\(id)")
            #expect(sandbox.body.contains(#"id="sandbox-approve""#))
            let approved = try await payer.post("/pay/sandbox/\(id)/approve", [])
            #expect(approved.status == .seeOther && approved.location == "/pay/\(id)")

            let paid = try await payer.get("/pay/\(id)")
            #expect(paid.body.contains(#"data-state="approved""#) && paid.body.contains("Pagado"))
            #expect(!paid.body.contains(#"id="pay-continue""#))
            #expect(try await StoredEvent.query(on: app.db).filter(\.$type == "payment.approved").count() == 1)
            // A second click (another tab) changes nothing.
            #expect(try await payer.get("/pay/sandbox/\(id)").body.contains(#"id="pay-decided""#))
            _ = try await payer.post("/pay/sandbox/\(id)/reject", [])
            #expect(try await Payment.find(payment.id, on: app.db)?.state == .approved)
        }
    }

    @Test func anUnknownPaymentIs404WithAMessage() async throws {
        try await withTestApp { app in
            let page = try await Browser(app).get("/pay/\(UUID().uuidString)")
            #expect(page.status == .notFound && page.body.contains("No encontramos esta página."))
            #expect(try await Browser(app).get("/pay/not-a-uuid").status == .notFound)
        }
    }
}
