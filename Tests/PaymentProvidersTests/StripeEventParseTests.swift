import Foundation
import PaymentProviders
import Testing

@Suite("Stripe event parsing")
struct StripeEventParseTests {
    static func event(_ type: String, _ object: String) -> Data {
        Data("""
            {"id":"evt_1Q","object":"event","api_version":"2024-06-20","created":1763737445,"livemode":true,
             "data":{"object":\(object)},"pending_webhooks":1,"type":"\(type)"}
            """.utf8)
    }

    @Test func checkoutSessionCompletedWithAnExpandedPaymentIntent() throws {
        let event = try StripeEvent.parse(Self.event("checkout.session.completed", """
            {"id":"cs_live_1","object":"checkout.session","amount_total":12990,"currency":"pen",
             "client_reference_id":"pay_7","metadata":{},"payment_status":"paid","status":"complete",
             "payment_intent":{"id":"pi_7","object":"payment_intent"},"url":null}
            """))
        #expect(event.id == "evt_1Q" && event.livemode)
        #expect(event.created == Date(timeIntervalSince1970: 1_763_737_445))
        #expect(event.objectID == "cs_live_1" && event.paymentIntentID == "pi_7")
        #expect(event.amount == 12990 && event.currency == "pen")
        // No metadata: client_reference_id still names the payment.
        #expect(event.paymentID == "pay_7")
    }

    @Test func paymentFailedWithoutAMessageFallsBackToTheCode() throws {
        let event = try StripeEvent.parse(Self.event("payment_intent.payment_failed", """
            {"id":"pi_9","object":"payment_intent","amount":500,"currency":"usd","status":"requires_payment_method",
             "metadata":{"payment_id":"pay_9"},"last_payment_error":{"type":"card_error","code":"expired_card"}}
            """))
        #expect(event.failureMessage == "expired_card")
        #expect(event.paymentID == "pay_9" && event.amount == 500 && event.currency == "usd")
    }

    @Test(arguments: ["invoice.paid", "customer.created", "payment_intent.created", "charge.refund.updated"])
    func otherTypesParseAsOther(type: String) throws {
        let event = try StripeEvent.parse(Self.event(type, #"{"id":"in_1","object":"invoice"}"#))
        #expect(event.kind == .other(type))
        #expect(event.type == type)
        #expect(event.objectID == nil && event.amount == nil && event.paymentID == nil && event.metadata.isEmpty)
    }

    @Test(arguments: [
        "", "{not json", "[]", #"{"id":"evt_1","type":"x"}"#,
        #"{"id":"evt_1","object":"charge","type":"charge.refunded","created":1,"data":{"object":{}}}"#,
        String(decoding: event("payment_intent.succeeded", #"{"id":"pi_1","status":"succeeded","currency":"pen"}"#),
               as: UTF8.self),
        String(decoding: event("charge.refunded", #"{"id":"ch_1","amount":"4990","currency":"pen"}"#), as: UTF8.self),
        String(decoding: event("checkout.session.completed", #"{"object":"checkout.session"}"#), as: UTF8.self),
    ])
    func malformedOrIncompleteEventsThrow(body: String) {
        #expect(throws: StripeEventParseError.self) { try StripeEvent.parse(Data(body.utf8)) }
    }
}
