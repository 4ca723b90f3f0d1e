@testable import Core
import Fluent
import Foundation
@testable import Payments
import Shared
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct PaymentLedgerTests {}
}

private func sandbox(_ app: Application) throws -> SandboxGateway {
    try #require(app.paymentGateways[.sandbox] as? SandboxGateway)
}

private func request(cents: Int64 = 8_000, key: String = "booking-42-try-1") -> PaymentRequest {
    PaymentRequest(purpose: "booking", reference: "42", amount: Money(cents: cents), idempotencyKey: key,
                   description: "Alisado largo")
}

/// A webhook from the sandbox provider, signed as the sandbox page signs it.
private func sandboxHook(
    _ app: Application, _ payment: Payment, outcome: PaymentState, eventID: String, signature: String? = nil
) async throws -> TestingHTTPResponse {
    let note = SandboxGateway.Notification(eventID: eventID, paymentID: try payment.requireID(), outcome: outcome, reason: nil)
    let body = try JSONEncoder().encode(note)
    var headers = HTTPHeaders()
    headers.contentType = .json
    let signed = try sandbox(app).signature(of: Array(body))
    headers.add(name: "Sandbox-Signature", value: signature ?? signed)
    return try await app.testing().sendRequest(.POST, "/hooks/payments/sandbox", headers: headers, body: ByteBuffer(data: body))
}

private func events(_ app: Application, _ type: String) async throws -> [StoredEvent] {
    try await StoredEvent.query(on: app.db).filter(\.$type == type).all()
}

extension AllTests.PaymentLedgerTests {
    @Test func creatingStartsAtTheGatewayAndARetryAnswersTheSamePayment() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@example.pe")
            let gateway = try sandbox(app)
            let first = try await PaymentService.create(request(), tenantID: business.id, gateway: gateway, now: app.clock.now(), on: app.db)
            let again = try await PaymentService.create(request(), tenantID: business.id, gateway: gateway, now: app.clock.now(), on: app.db)
            #expect(first.id == again.id)
            #expect(first.state == .pending && first.amount == Money(cents: 8_000))
            #expect(first.nextStep == .redirect("http://localhost:8080/pay/sandbox/\(try first.requireID().uuidString.lowercased())"))
            #expect(try await Payment.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: [Int64(0), -100])
    func aNonPositiveAmountIsRefusedWith422(cents: Int64) async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@example.pe")
            let gateway = try sandbox(app)
            await #expect(throws: PaymentInputError(field: "amount", message: "must be greater than zero")) {
                try await PaymentService.create(request(cents: cents), tenantID: business.id, gateway: gateway,
                                                now: app.clock.now(), on: app.db)
            }
            #expect(PaymentInputError(field: "amount", message: "x").status == .unprocessableEntity)
            #expect(try await Payment.query(on: app.db).count() == 0)
        }
    }

    @Test func twentyConcurrentIdenticalWebhooksApproveOnceAndEmitOneEvent() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@example.pe")
            let payment = try await PaymentService.create(request(), tenantID: business.id, gateway: try sandbox(app),
                                                          now: app.clock.now(), on: app.db)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await sandboxHook(app, payment, outcome: .approved, eventID: "evt_1").status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .ok, count: 20))
            #expect(try await events(app, "payment.approved").count == 1)
            #expect(try await Payment.find(payment.id, on: app.db)?.state == .approved)
        }
    }

    @Test func twoDifferentApprovalsAtOnceChangeTheStateOnce() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@example.pe")
            let payment = try await PaymentService.create(request(), tenantID: business.id, gateway: try sandbox(app),
                                                          now: app.clock.now(), on: app.db)
            async let first = sandboxHook(app, payment, outcome: .approved, eventID: "evt_a")
            async let second = sandboxHook(app, payment, outcome: .approved, eventID: "evt_b")
            let answers = try await [first.text, second.text].sorted()
            #expect(answers == [#"{"outcome":"changed:approved"}"#, #"{"outcome":"unchanged"}"#])
            #expect(try await events(app, "payment.approved").count == 1)
        }
    }

    @Test func aReplayedWebhookChangesNothingTwice() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@example.pe")
            let payment = try await PaymentService.create(request(), tenantID: business.id, gateway: try sandbox(app),
                                                          now: app.clock.now(), on: app.db)
            #expect(try await sandboxHook(app, payment, outcome: .approved, eventID: "evt_1").text == #"{"outcome":"changed:approved"}"#)
            #expect(try await sandboxHook(app, payment, outcome: .refunded, eventID: "evt_2").text == #"{"outcome":"changed:refunded"}"#)
            // The approval again, as a provider retrying it would send it: nothing moves back.
            #expect(try await sandboxHook(app, payment, outcome: .approved, eventID: "evt_1").text == #"{"outcome":"replayed"}"#)
            #expect(try await Payment.find(payment.id, on: app.db)?.state == .refunded)
            #expect(try await events(app, "payment.approved").count == 1)
            #expect(try await events(app, "payment.refunded").count == 1)
        }
    }

    @Test func aBadSignatureIs401AndChangesNothing() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@example.pe")
            let payment = try await PaymentService.create(request(), tenantID: business.id, gateway: try sandbox(app),
                                                          now: app.clock.now(), on: app.db)
            let forged = try await sandboxHook(app, payment, outcome: .approved, eventID: "evt_1", signature: String(repeating: "0", count: 64))
            #expect(forged.status == .unauthorized)
            #expect(try forged.json()["error"] as? String == "Sandbox-Signature does not match the body")
            #expect(try await Payment.find(payment.id, on: app.db)?.state == .pending)
            #expect(try await StoredEvent.query(on: app.db).filter(\.$type ~~ ["payment.approved", "payment.rejected"]).count() == 0)
            // The real event still goes through afterwards: the forged one did not burn its id.
            #expect(try await sandboxHook(app, payment, outcome: .approved, eventID: "evt_1").status == .ok)
            #expect(try await events(app, "payment.approved").count == 1)
        }
    }

    @Test func paymentEventsCanBeChosenByWebhookEndpoints() async throws {
        try await withTestApp { app in
            let names = Set(app.eventTypes.map(\.name))
            #expect(names.isSuperset(of: ["payment.approved", "payment.rejected", "payment.refunded", "payment.expired"]))
        }
    }
}

extension AllTests.PaymentLedgerTests {
    @Test func theSweepExpiresOnlyOverduePendingPaymentsAndEmitsTheirEvent() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@example.pe")
            let gateway = try sandbox(app)
            let start = Date()
            let overdue = try await PaymentService.create(request(key: "a"), tenantID: business.id, gateway: gateway, now: start, on: app.db)
            let paid = try await PaymentService.create(request(key: "b"), tenantID: business.id, gateway: gateway, now: start, on: app.db)
            let fresh = try await PaymentService.create(request(key: "c"), tenantID: business.id, gateway: gateway,
                                                        now: start.addingTimeInterval(gateway.pendingWindow), on: app.db)
            _ = try await sandboxHook(app, paid, outcome: .approved, eventID: "evt_paid")

            let later = start.addingTimeInterval(gateway.pendingWindow + 1)
            #expect(try await PaymentExpiry.expireDue(now: later, on: app.db) == 1)
            #expect(try await Payment.find(overdue.id, on: app.db)?.state == .expired)
            #expect(try await Payment.find(paid.id, on: app.db)?.state == .approved)
            #expect(try await Payment.find(fresh.id, on: app.db)?.state == .pending)
            let expired = try await events(app, "payment.expired")
            let overdueID = try overdue.requireID().uuidString
            #expect(expired.count == 1 && expired.first?.payload.contains(overdueID) == true)
            #expect(try await PaymentExpiry.expireDue(now: later, on: app.db) == 0)
            #expect(app.scheduledJobs.contains { $0.name == "payments.expire" })
        }
    }
}
