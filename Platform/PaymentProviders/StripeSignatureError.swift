import Foundation

/// Why a `Stripe-Signature` header was refused. Answer 400 to Stripe for all of them: Stripe
/// then retries, which helps if our endpoint secret was being rotated.
public enum StripeSignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No endpoint secret (`whsec_…`) is configured: nothing can be verified.
    case noEndpointSecret
    /// The request had no `Stripe-Signature` header, or an empty one.
    case missingHeader
    /// The header is not `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`; the text says what is wrong.
    case malformedHeader(String)
    /// No v1 signature matches the payload with any configured secret: forged, tampered, or
    /// signed with a secret we do not have.
    case noMatchingSignature
    /// Authentic but signed too long ago (a replay) or too far in the future (a wrong clock).
    case timestampOutsideTolerance(signedAt: Date)

    public var description: String {
        switch self {
        case .noEndpointSecret: "no Stripe endpoint secret configured"
        case .missingHeader: "missing Stripe-Signature header"
        case .malformedHeader(let why): "malformed Stripe-Signature header: \(why)"
        case .noMatchingSignature: "no Stripe-Signature v1 value matches the payload"
        case .timestampOutsideTolerance(let date):
            "Stripe-Signature timestamp \(Int64(date.timeIntervalSince1970)) is outside the tolerance"
        }
    }
}
