import Foundation
import PaymentProviders
import Shared
import TestSupport
import Testing

/// Session → payment on Stripe's page → signed webhooks → status read back → refunds.
@Suite("Stripe payment flow against the fake Stripe API")
struct StripePaymentFlowTests {
    static let secret = "whsec_multinicho_flow_0123456789"

    @Test func paidSessionEventsVerifyAndNameOurPayment() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let stripe = fake.stripe()
        let session = try await stripe.createCheckoutSession(StripeClientTests.checkout(), idempotencyKey: "k")
        let paid = try await fake.pay(session: session.id, outcome: "succeeded")

        let events = try await signedEvents(fake)
        #expect(events.map(\.type) == ["payment_intent.succeeded", "checkout.session.completed"])
        for event in events {
            #expect(event.paymentID == "pay_01JDX4")
            #expect(event.paymentIntentID == paid.payment_intent)
            #expect(event.amount == 4990 && event.currency == "pen")
            #expect(event.metadata["tenant"] == "bodega-rosa")
            #expect(event.failureMessage == nil)
        }
        guard case .checkoutSessionCompleted(let completed) = events[1].kind else {
            Issue.record("expected checkout.session.completed, got \(events[1].kind)")
            return
        }
        #expect(completed.id == session.id && completed.paymentStatus == "paid")

        let intent = try await stripe.paymentIntent(id: paid.payment_intent)
        #expect(intent.status == "succeeded" && intent.amountReceived == 4990)
        #expect(intent.latestChargeID == paid.charge)
        #expect(try await stripe.checkoutSession(id: session.id).status == "complete")
    }

    @Test func declinedCardLeavesTheIntentWaitingWithTheReason() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let stripe = fake.stripe()
        let session = try await stripe.createCheckoutSession(StripeClientTests.checkout(), idempotencyKey: "k")
        let paid = try await fake.pay(session: session.id, outcome: "card_declined")

        let event = try #require(try await signedEvents(fake).only)
        guard case .paymentIntentPaymentFailed = event.kind else {
            Issue.record("expected payment_intent.payment_failed, got \(event.kind)")
            return
        }
        #expect(event.failureMessage == "Your card has insufficient funds.")
        #expect(event.paymentID == "pay_01JDX4")
        let intent = try await stripe.paymentIntent(id: paid.payment_intent)
        #expect(intent.status == "requires_payment_method")
        let failure = try #require(intent.lastPaymentError)
        #expect(failure.type == "card_error" && failure.code == "card_declined")
        #expect(failure.declineCode == "insufficient_funds" && failure.message == "Your card has insufficient funds.")
        #expect(try await stripe.checkoutSession(id: session.id).status == "open")
    }

    @Test func refundsArePartialThenFullThenRefused() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let stripe = fake.stripe()
        let session = try await stripe.createCheckoutSession(StripeClientTests.checkout(), idempotencyKey: "k")
        let paid = try await fake.pay(session: session.id, outcome: "succeeded")

        let partial = try await stripe.refund(
            paymentIntentID: paid.payment_intent, amount: Money(cents: 1000), reason: .requestedByCustomer,
            paymentID: "pay_01JDX4", idempotencyKey: "refund-1")
        #expect(partial.amount == 1000 && partial.status == "succeeded")
        #expect(partial.paymentIntentID == paid.payment_intent && partial.chargeID == paid.charge)
        let refundRequest = try #require(try await fake.requests().last)
        #expect(refundRequest.headers["idempotency-key"] == "refund-1")
        #expect(refundRequest.form == [
            "payment_intent": paid.payment_intent, "amount": "1000", "reason": "requested_by_customer",
            "metadata[payment_id]": "pay_01JDX4",
        ])

        let tooMuch = try await #require(throws: PaymentProviderError.self) {
            try await stripe.refund(
                paymentIntentID: paid.payment_intent, amount: Money(cents: 4000), reason: nil, paymentID: nil,
                idempotencyKey: "refund-2")
        }
        #expect(tooMuch.reason == .invalidRequest && tooMuch.code == "amount_too_large")

        let rest = try await stripe.refund(
            paymentIntentID: paid.payment_intent, amount: nil, reason: nil, paymentID: nil, idempotencyKey: "refund-3")
        #expect(rest.amount == 3990)
        let again = try await #require(throws: PaymentProviderError.self) {
            try await stripe.refund(
                paymentIntentID: paid.payment_intent, amount: nil, reason: nil, paymentID: nil,
                idempotencyKey: "refund-4")
        }
        #expect(again.reason == .invalidRequest && again.code == "charge_already_refunded" && !again.isRetryable)

        let refunds = try await signedEvents(fake).filter { $0.type == "charge.refunded" }
        #expect(refunds.map(\.amount) == [1000, 4990])
        #expect(refunds.map(\.paymentIntentID) == [paid.payment_intent, paid.payment_intent])
        guard case .chargeRefunded(let charge) = refunds.last?.kind else {
            Issue.record("expected charge.refunded")
            return
        }
        #expect(charge.refunded && charge.amount == 4990 && charge.id == paid.charge)
    }

    @Test func refundOfZeroIsRefusedBeforeAnyRequest() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe().refund(
                paymentIntentID: "pi_1", amount: Money(cents: 0), reason: nil, paymentID: nil, idempotencyKey: "k")
        }
        #expect(error.reason == .invalidInput(.amountNotPositive(Money(cents: 0))))
        #expect(try await fake.requests().isEmpty)
    }

    /// Each event the fake recorded, signed now by the stripe library, verified and parsed here.
    private func signedEvents(_ fake: FakePayments) async throws -> [StripeEvent] {
        var events: [StripeEvent] = []
        for recorded in try await fake.stripeEvents() {
            let payload = Data(recorded.body.utf8)
            let now = Int64(Date().timeIntervalSince1970)
            let header = try StripeSigner.header(for: payload, secrets: [Self.secret], timestamp: now)
            try StripeSignature.verify(payload: payload, header: header, secrets: [Self.secret])
            let event = try StripeEvent.parse(payload)
            #expect(event.type == recorded.type)
            #expect(event.id.hasPrefix("evt_") && !event.livemode)
            events.append(event)
        }
        return events
    }
}
