import Crypto
import Foundation
import ProviderSupport

/// Stripe's webhook signature: `Stripe-Signature: t=<unix seconds>,v1=<hex>,…`, where each v1 is
/// hex HMAC-SHA256 of `"<t>.<raw body>"` keyed with the endpoint secret string as-is
/// (`whsec_…` included, not base64-decoded), as stripe-python 16.1.0 `_webhook.py` computes it.
public enum StripeSignature {
    /// Stripe's libraries default to 5 minutes.
    public static let defaultTolerance: TimeInterval = 300

    /// Checks the header against every configured secret (during a rotation Stripe signs with
    /// both the old and the new one and sends several v1 values). Returns the signed time.
    /// - Parameter payload: the raw request body exactly as received; re-encoded JSON never matches.
    @discardableResult
    public static func verify(
        payload: Data, header: String?, secrets: [String], tolerance: TimeInterval = defaultTolerance,
        now: Date = Date()
    ) throws(StripeSignatureError) -> Date {
        let keys = secrets.filter { !$0.isEmpty }.map { SymmetricKey(data: Array($0.utf8)) }
        guard !keys.isEmpty else { throw .noEndpointSecret }
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missingHeader }
        let parsed = try parse(header)

        let signed = Array("\(parsed.timestamp).".utf8) + Array(payload)
        let candidates = parsed.signatures.compactMap { Hex.decode($0) }.filter { $0.count == SHA256.byteCount }
        // swift-crypto compares each code in constant time.
        let matches = keys.contains { key in
            candidates.contains { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: signed, using: key) }
        }
        guard matches else { throw .noMatchingSignature }

        // Checked after the signature, as Stripe does: a forged header always reads as "no match",
        // and this error means an authentic but late (replayed) delivery. Both directions, unlike
        // Stripe's libraries: a far-future timestamp would otherwise stay "fresh" for ever.
        let signedAt = Date(timeIntervalSince1970: TimeInterval(parsed.timestamp))
        guard abs(now.timeIntervalSince(signedAt)) <= tolerance else {
            throw .timestampOutsideTolerance(signedAt: signedAt)
        }
        return signedAt
    }

    /// `t` exactly once; `v1` at least once; other schemes (`v0` test-mode signatures, future
    /// ones) ignored as Stripe documents.
    static func parse(_ header: String) throws(StripeSignatureError) -> (timestamp: Int64, signatures: [Substring]) {
        var timestamp: Int64?
        var signatures: [Substring] = []
        for item in header.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard let equals = pair.firstIndex(of: "=") else { throw .malformedHeader("item without '='") }
            let key = pair[..<equals]
            let value = pair[pair.index(after: equals)...]
            switch key {
            case "t":
                guard timestamp == nil else { throw .malformedHeader("more than one t") }
                guard PaymentInput.isDigits(String(value), count: value.utf8.count), value.utf8.count <= 12,
                      let seconds = Int64(value)
                else { throw .malformedHeader("t is not Unix seconds") }
                timestamp = seconds
            case "v1":
                signatures.append(Substring(value))
            default:
                continue
            }
        }
        guard let timestamp else { throw .malformedHeader("no t") }
        guard !signatures.isEmpty else { throw .malformedHeader("no v1 signature") }
        return (timestamp, signatures)
    }
}
