@testable import Core
import Fluent
import Foundation
@testable import Payments
import Shared
import Testing
import Vapor

extension AllTests {
    @Suite struct VoucherTests {}
}

private func voucherPayment(_ app: Application, _ business: Business, key: String, cents: Int64 = 3_500) async throws -> Payment {
    let gateway = try #require(app.paymentGateways[.voucher])
    let request = PaymentRequest(purpose: "order", reference: key, amount: Money(cents: cents), idempotencyKey: key,
                                 description: "Lavado al seco")
    return try await PaymentService.create(request, tenantID: business.id, gateway: gateway, now: Date(), on: app.db)
}

private func yapeWallet(_ app: Application, _ business: Business) async throws {
    try await PaymentWallet(tenantID: business.id, kind: .yape, phone: "987654321", holder: "Rosa Q.", now: Date()).create(on: app.db)
}

private func state(_ app: Application, _ payment: Payment) async throws -> PaymentState? {
    try await Payment.find(payment.id, on: app.db)?.state
}

extension AllTests.VoucherTests {
    @Test func aVoucherIsClaimedThenApprovedByStaffWithOneEvent() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            try await yapeWallet(app, business)
            let payment = try await voucherPayment(app, business, key: "o-1")
            try await VoucherService.claim(Voucher(wallet: .yape, operationNumber: " 0012 3456 ", amount: Money(cents: 3_500)),
                                           for: payment, now: Date(), on: app.db)
            let claimed = try #require(try await Payment.find(payment.id, on: app.db))
            #expect(claimed.state == .claimed && claimed.expiresAt == nil)
            #expect(try await VoucherClaim.query(on: app.db).first()?.operationNumber == "00123456")
            #expect(try await PaymentExpiry.expireDue(now: Date().addingTimeInterval(3 * 24 * 3600), on: app.db) == 0)

            try await VoucherService.review(claimed, approve: true, reason: nil, reviewer: business.owner.requireID(), now: Date(), on: app.db)
            #expect(try await state(app, payment) == .approved)
            #expect(try await StoredEvent.query(on: app.db).filter(\.$type == "payment.approved").count() == 1)
            #expect(try await VoucherClaim.query(on: app.db).first()?.reviewedBy == business.owner.id)
            await #expect(throws: VoucherProblem(field: "payment", key: "voucher.error.not_claimed")) {
                try await VoucherService.review(claimed, approve: false, reason: "no llegó", reviewer: business.owner.requireID(),
                                                now: Date(), on: app.db)
            }
        }
    }

    @Test func aDuplicateOperationNumberIsRefusedAndTheOtherPaymentStaysPending() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            try await yapeWallet(app, business)
            let first = try await voucherPayment(app, business, key: "o-1")
            let second = try await voucherPayment(app, business, key: "o-2")
            let voucher = Voucher(wallet: .yape, operationNumber: "777888", amount: Money(cents: 3_500))
            try await VoucherService.claim(voucher, for: first, now: Date(), on: app.db)
            await #expect(throws: VoucherProblem(field: "operationNumber", key: "voucher.error.duplicate")) {
                try await VoucherService.claim(voucher, for: second, now: Date(), on: app.db)
            }
            #expect(try await state(app, first) == .claimed)
            #expect(try await state(app, second) == .pending)
            #expect(try await VoucherClaim.query(on: app.db).count() == 1)
        }
    }

    @Test func badVouchersNameTheirField() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            try await yapeWallet(app, business)
            let payment = try await voucherPayment(app, business, key: "o-1")
            let claim = { (voucher: Voucher) in try await VoucherService.claim(voucher, for: payment, now: Date(), on: app.db) }
            await #expect(throws: VoucherProblem(field: "operationNumber", key: "voucher.error.operation")) {
                try await claim(Voucher(wallet: .yape, operationNumber: "12a45", amount: Money(cents: 3_500)))
            }
            await #expect(throws: VoucherProblem(field: "amount", key: "voucher.error.amount", expected: Money(cents: 3_500))) {
                try await claim(Voucher(wallet: .yape, operationNumber: "123456", amount: Money(cents: 3_000)))
            }
            await #expect(throws: VoucherProblem(field: "wallet", key: "voucher.error.wallet")) {
                try await claim(Voucher(wallet: .plin, operationNumber: "123456", amount: Money(cents: 3_500)))
            }
            let pdf = Voucher.Screenshot(data: Data("%PDF".utf8), contentType: "application/pdf")
            await #expect(throws: VoucherProblem(field: "screenshot", key: "voucher.error.screenshot")) {
                try await claim(Voucher(wallet: .yape, operationNumber: "123456", amount: Money(cents: 3_500), screenshot: pdf))
            }
            #expect(try await state(app, payment) == .pending)
        }
    }

    @Test func aRejectionNeedsAReasonThatThePayerThenReads() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            try await yapeWallet(app, business)
            let payment = try await voucherPayment(app, business, key: "o-1")
            try await VoucherService.claim(Voucher(wallet: .yape, operationNumber: "555444", amount: Money(cents: 3_500)),
                                           for: payment, now: Date(), on: app.db)
            let reviewer = try business.owner.requireID()
            await #expect(throws: VoucherProblem(field: "reason", key: "voucher.error.reason")) {
                try await VoucherService.review(payment, approve: false, reason: "  ", reviewer: reviewer, now: Date(), on: app.db)
            }
            try await VoucherService.review(payment, approve: false, reason: "El Yape no llegó a nuestra cuenta",
                                            reviewer: reviewer, now: Date(), on: app.db)
            let rejected = try #require(try await Payment.find(payment.id, on: app.db))
            #expect(rejected.state == .rejected && rejected.failureReason == "El Yape no llegó a nuestra cuenta")
            let event = try #require(try await StoredEvent.query(on: app.db).filter(\.$type == "payment.rejected").first())
            #expect(event.payload.contains("El Yape no llegó a nuestra cuenta"))
        }
    }

    @Test func twoSubmitsOfOneVoucherAtOnceClaimOnce() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            try await yapeWallet(app, business)
            let payment = try await voucherPayment(app, business, key: "o-1")
            let results = await withTaskGroup(of: Bool.self) { group in
                for number in ["111222", "111223"] {
                    group.addTask {
                        let copy = try? await Payment.find(payment.id, on: app.db)
                        guard let copy else { return false }
                        return (try? await VoucherService.claim(Voucher(wallet: .yape, operationNumber: number, amount: Money(cents: 3_500)),
                                                                for: copy, now: Date(), on: app.db)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await VoucherClaim.query(on: app.db).count() == 1)
            #expect(try await state(app, payment) == .claimed)
        }
    }
}
