import Foundation
import PaymentProviders
import Shared
import TestSupport
import Testing

@Suite("Stripe client against the fake Stripe API")
struct StripeClientTests {
    static func checkout(
        amount: Int64 = 4990, productName: String = "Plan Negocio — noviembre 2026 & más"
    ) -> StripeCheckoutRequest {
        StripeCheckoutRequest(
            paymentID: "pay_01JDX4", amount: Money(cents: amount), productName: productName,
            successURL: "https://bodega-rosa.multinicho.pe/pagos/ok?s={CHECKOUT_SESSION_ID}",
            cancelURL: "https://bodega-rosa.multinicho.pe/pagos/cancelado", customerEmail: "rosa+pagos@bodega.pe",
            metadata: ["tenant": "bodega-rosa"])
    }

    @Test func checkoutSessionPostsTheDocumentedForm() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let session = try await fake.stripe()
            .createCheckoutSession(Self.checkout(), idempotencyKey: "checkout-pay_01JDX4")

        #expect(session.id.hasPrefix("cs_test_"))
        #expect(session.url == "https://checkout.stripe.com/c/pay/\(session.id)#fidkdWxOYHwnPyd1blpxYHZxWjA0")
        #expect(session.status == "open" && session.paymentStatus == "unpaid")
        #expect(session.amountTotal == 4990 && session.currency == "pen")
        #expect(session.paymentID == "pay_01JDX4")
        let sent = try #require(try await fake.requests().only)
        #expect(sent.status == 200)
        #expect(sent.method == "POST" && sent.path == "/v1/checkout/sessions")
        #expect(sent.headers["authorization"] == "Bearer \(FakePayments.stripeKey)")
        #expect(sent.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(sent.headers["idempotency-key"] == "checkout-pay_01JDX4")
        #expect(sent.form == [
            "mode": "payment",
            "line_items[0][price_data][currency]": "pen",
            "line_items[0][price_data][unit_amount]": "4990",
            "line_items[0][price_data][product_data][name]": "Plan Negocio — noviembre 2026 & más",
            "line_items[0][quantity]": "1",
            "success_url": "https://bodega-rosa.multinicho.pe/pagos/ok?s={CHECKOUT_SESSION_ID}",
            "cancel_url": "https://bodega-rosa.multinicho.pe/pagos/cancelado",
            "client_reference_id": "pay_01JDX4",
            "customer_email": "rosa+pagos@bodega.pe",
            "metadata[payment_id]": "pay_01JDX4",
            "metadata[tenant]": "bodega-rosa",
            "payment_intent_data[metadata][payment_id]": "pay_01JDX4",
            "payment_intent_data[metadata][tenant]": "bodega-rosa",
        ])
    }

    /// A retry after a lost answer must not open a second session.
    @Test func retryWithTheSameKeyReplaysTheSameSession() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let stripe = fake.stripe()
        let first = try await stripe.createCheckoutSession(Self.checkout(), idempotencyKey: "k-1")
        let again = try await stripe.createCheckoutSession(Self.checkout(), idempotencyKey: "k-1")
        let other = try await stripe.createCheckoutSession(Self.checkout(), idempotencyKey: "k-2")

        #expect(again == first)
        #expect(other.id != first.id)
        #expect(try await fake.requests().map(\.replayed) == [false, true, false])
    }

    @Test func sameKeyWithOtherParametersIsAnIdempotencyConflict() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let stripe = fake.stripe()
        _ = try await stripe.createCheckoutSession(Self.checkout(amount: 4990), idempotencyKey: "k-1")
        let error = try await #require(throws: PaymentProviderError.self) {
            try await stripe.createCheckoutSession(Self.checkout(amount: 5990), idempotencyKey: "k-1")
        }
        #expect(error.reason == .idempotencyConflict)
        #expect(error.status == 400 && error.type == "idempotency_error")
        #expect(error.message.hasPrefix("Keys for idempotent requests can only be used with the same parameters"))
        #expect(!error.isRetryable)
    }

    @Test(arguments: [0, -4990] as [Int64])
    func zeroOrNegativeAmountIsRefusedBeforeAnyRequest(cents: Int64) async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe().createCheckoutSession(Self.checkout(amount: cents), idempotencyKey: "k")
        }
        #expect(error.reason == .invalidInput(.amountNotPositive(Money(cents: cents))))
        #expect(error.status == nil && !error.isRetryable)
        #expect(try await fake.requests().isEmpty)
    }

    @Test func amountAboveStripesMaximumIsRefusedBeforeAnyRequest() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe().createCheckoutSession(Self.checkout(amount: 100_000_000), idempotencyKey: "k")
        }
        let limit = Money(cents: 99_999_999)
        #expect(error.reason == .invalidInput(.amountAboveLimit(Money(cents: 100_000_000), limit: limit)))
        #expect(try await fake.requests().isEmpty)
    }

    @Test(arguments: ["", String(repeating: "k", count: 256)])
    func unusableIdempotencyKeyIsRefusedBeforeAnyRequest(key: String) async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe().createCheckoutSession(Self.checkout(), idempotencyKey: key)
        }
        #expect(error.reason == .invalidInput(.invalidIdempotencyKey))
        #expect(try await fake.requests().isEmpty)
    }

    /// Stripe's minimum is US$ 0.50 converted: S/ 1.00 is below it, and Stripe's answer says so.
    @Test func amountBelowStripesMinimumIsStripesInvalidRequest() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe().createCheckoutSession(Self.checkout(amount: 100), idempotencyKey: "k")
        }
        #expect(error.reason == .invalidRequest)
        #expect(error.status == 400 && error.type == "invalid_request_error" && error.code == "amount_too_small")
        #expect(error.message.contains("at least $0.50"))
        #expect(error.userMessage == nil && !error.isRetryable)
    }

    @Test func wrongKeyIsAnAuthenticationError() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe(key: "sk_test_revoked000000")
                .createCheckoutSession(Self.checkout(), idempotencyKey: "k")
        }
        #expect(error.reason == .authentication)
        #expect(error.status == 401 && !error.isRetryable)
        #expect(error.message.hasPrefix("Invalid API Key provided: sk_test_****0000"))
    }

    @Test(arguments: [("fake:500", 500, PaymentProviderError.Reason.providerFailure),
                      ("fake:429", 429, PaymentProviderError.Reason.rateLimited)])
    func serverErrorsAndThrottlingAreRetryable(
        product: String, status: Int, reason: PaymentProviderError.Reason
    ) async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe().createCheckoutSession(Self.checkout(productName: product), idempotencyKey: "k")
        }
        #expect(error.status == status)
        #expect(error.reason == reason)
        #expect(error.isRetryable)
    }

    @Test func timeoutIsRetryableWithoutStatus() async throws {
        // The fake answers after 60 s, far beyond the 1 s timeout even on a loaded machine.
        let fake = try FakePayments(slowSeconds: 60)
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe(timeout: 1)
                .createCheckoutSession(Self.checkout(productName: "fake:slow"), idempotencyKey: "k")
        }
        #expect(error.reason == .noAnswer)
        #expect(error.status == nil && error.isRetryable)
        #expect(error.message.contains("1.0 s"))
    }

    @Test func unknownPaymentIntentIsResourceMissing() async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe().paymentIntent(id: "pi_doesnotexist")
        }
        #expect(error.reason == .invalidRequest)
        #expect(error.status == 404 && error.code == "resource_missing")
        #expect(error.message.hasPrefix("No such payment_intent: 'pi_doesnotexist'"))
    }

    @Test(arguments: ["", "pi_1/../../v1/refunds", "pi_1?expand[]=x", "pi 1"])
    func idsThatWouldChangeThePathAreRefused(id: String) async throws {
        let fake = try FakePayments()
        defer { fake.stop() }
        let error = try await #require(throws: PaymentProviderError.self) {
            try await fake.stripe().paymentIntent(id: id)
        }
        #expect(error.reason == .invalidInput(.invalidField("payment intent id")))
        #expect(try await fake.requests().isEmpty)
    }
}
