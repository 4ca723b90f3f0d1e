import Foundation

/// A Stripe webhook event, parsed after `StripeSignature.verify` accepted its raw body.
/// Stripe may deliver an event twice and in any order: deduplicate on `id`, and re-read the
/// PaymentIntent before acting on anything that moves money.
public struct StripeEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case checkoutSessionCompleted(StripeCheckoutSession)
        case paymentIntentSucceeded(StripePaymentIntent)
        case paymentIntentPaymentFailed(StripePaymentIntent)
        case chargeRefunded(StripeCharge)
        /// Any other type, by name; the endpoint should still answer 2xx so Stripe stops retrying.
        case other(String)
    }

    /// "evt_…", the key to deduplicate deliveries on.
    public let id: String
    public let type: String
    public let created: Date
    public let livemode: Bool
    public let kind: Kind

    public init(id: String, type: String, created: Date, livemode: Bool, kind: Kind) {
        self.id = id
        self.type = type
        self.created = created
        self.livemode = livemode
        self.kind = kind
    }

    /// Throws on a body that is not a Stripe event, or a known event whose object lacks the
    /// fields we rely on (id, amount, currency).
    public static func parse(_ payload: Data) throws(StripeEventParseError) -> StripeEvent {
        let envelope: StripeEventEnvelope
        do {
            envelope = try JSONDecoder().decode(StripeEventEnvelope.self, from: payload)
        } catch {
            throw StripeEventParseError(message: "not a Stripe event: \(error)")
        }
        guard envelope.object == nil || envelope.object == "event" else {
            throw StripeEventParseError(message: "object is \(envelope.object ?? "nil"), not event")
        }
        return StripeEvent(
            id: envelope.id, type: envelope.type, created: Date(timeIntervalSince1970: TimeInterval(envelope.created)),
            livemode: envelope.livemode ?? false, kind: try kind(of: envelope.type, in: payload))
    }

    private static func kind(of type: String, in payload: Data) throws(StripeEventParseError) -> Kind {
        switch type {
        case "checkout.session.completed": .checkoutSessionCompleted(try object(in: payload, type: type))
        case "payment_intent.succeeded": .paymentIntentSucceeded(try object(in: payload, type: type))
        case "payment_intent.payment_failed": .paymentIntentPaymentFailed(try object(in: payload, type: type))
        case "charge.refunded": .chargeRefunded(try object(in: payload, type: type))
        default: .other(type)
        }
    }

    private static func object<Object: Decodable>(
        in payload: Data, type: String
    ) throws(StripeEventParseError) -> Object {
        do {
            return try JSONDecoder().decode(StripeEventData<Object>.self, from: payload).data.object
        } catch {
            throw StripeEventParseError(message: "\(type) without a readable \(Object.self): \(error)")
        }
    }
}

public struct StripeEventParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// `{"id","object":"event","type","created","livemode","data":{"object":{…}}}`
private struct StripeEventEnvelope: Decodable {
    let id: String
    let object: String?
    let type: String
    let created: Int64
    let livemode: Bool?
}

private struct StripeEventData<Object: Decodable>: Decodable {
    struct Inner: Decodable { let object: Object }
    let data: Inner
}
