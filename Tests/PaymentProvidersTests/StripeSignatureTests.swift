import Foundation
import PaymentProviders
import TestSupport
import Testing

/// Every header here is made by the official `stripe` Python library (tests/support/stripe_sign.py).
@Suite("Stripe-Signature, against headers made by the stripe library")
struct StripeSignatureTests {
    static let secret = "whsec_multinicho_current_0123456789abcdef"
    static let oldSecret = "whsec_multinicho_previous_fedcba9876543210"
    static let strangerSecret = "whsec_someone_else_000000000000000000"
    /// Stripe sends pretty-printed JSON; the signature covers these exact bytes.
    static let payload = Data("""
        {
          "id": "evt_1QxMultinicho",
          "object": "event",
          "type": "payment_intent.succeeded",
          "data": {"object": {"id": "pi_3QxMultinicho", "amount": 4990, "currency": "pen",
                              "status": "succeeded", "metadata": {"payment_id": "pay_ñandú_42"}}}
        }
        """.utf8)
    static let t: Int64 = 1_763_737_445
    static let signedAt = Date(timeIntervalSince1970: TimeInterval(t))

    @Test func validHeaderVerifiesAndGivesTheSignedTime() throws {
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: Self.t)
        let verified = try verify(header, at: Self.signedAt.addingTimeInterval(12))
        #expect(verified == Self.signedAt)
    }

    @Test(arguments: [300.0, 0.0, -300.0])
    func timestampWithinToleranceIsAccepted(offset: TimeInterval) throws {
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: Self.t)
        #expect(throws: Never.self) {
            try verify(header, at: Self.signedAt.addingTimeInterval(offset))
        }
    }

    @Test(arguments: [301.0, 3600.0, -301.0, -86_400.0])
    func staleOrFutureTimestampIsRefused(offset: TimeInterval) throws {
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: Self.t)
        #expect(throws: StripeSignatureError.timestampOutsideTolerance(signedAt: Self.signedAt)) {
            try verify(header, at: Self.signedAt.addingTimeInterval(offset))
        }
    }

    /// Against the real clock, as a webhook endpoint runs: the library refuses the same stale header.
    @Test func staleHeaderIsRefusedByUsAndByTheLibrary() throws {
        let stale = Int64(Date().timeIntervalSince1970) - 400
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: stale)
        let signedAt = Date(timeIntervalSince1970: TimeInterval(stale))
        #expect(throws: StripeSignatureError.timestampOutsideTolerance(signedAt: signedAt)) {
            try StripeSignature.verify(payload: Self.payload, header: header, secrets: [Self.secret])
        }
        #expect(try StripeSigner.libraryVerdict(for: Self.payload, header: header, secret: Self.secret)
            .hasPrefix("refused: Timestamp outside the tolerance zone"))
    }

    @Test func freshHeaderIsAcceptedByUsAndByTheLibrary() throws {
        let now = Int64(Date().timeIntervalSince1970)
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: now)
        try StripeSignature.verify(payload: Self.payload, header: header, secrets: [Self.secret])
        #expect(try StripeSigner.libraryVerdict(for: Self.payload, header: header, secret: Self.secret) == "ok")
    }

    /// During a rotation Stripe signs with both secrets; either one configured must do, and an
    /// endpoint configured with both accepts a header signed by either.
    @Test func rotatedSecretIsAccepted() throws {
        let both = try StripeSigner.header(for: Self.payload, secrets: [Self.oldSecret, Self.secret], timestamp: Self.t)
        let newOnly = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: Self.t)
        let oldOnly = try StripeSigner.header(for: Self.payload, secrets: [Self.oldSecret], timestamp: Self.t)
        let cases = [(both, [Self.secret]), (both, [Self.oldSecret]), (newOnly, [Self.oldSecret, Self.secret]),
                     (oldOnly, [Self.oldSecret, Self.secret])]
        for (header, secrets) in cases {
            #expect(throws: Never.self) {
                try verify(header, secrets: secrets)
            }
        }
    }

    @Test func unknownSecretIsRefusedByUsAndByTheLibrary() throws {
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.strangerSecret], timestamp: Self.t)
        #expect(throws: StripeSignatureError.noMatchingSignature) {
            try verify(header, secrets: [Self.oldSecret, Self.secret])
        }
        #expect(try StripeSigner.libraryVerdict(for: Self.payload, header: header, secret: Self.secret)
            .hasPrefix("refused: No signatures found matching"))
    }

    @Test func onlyTheSecondOfSeveralV1ValuesMatches() throws {
        let header = try StripeSigner.header(
            for: Self.payload, secrets: [Self.strangerSecret, Self.secret], timestamp: Self.t)
        #expect(header.components(separatedBy: ",v1=").count == 3)
        // The first value alone fails, so the second one is what verifies.
        let firstOnly = header.components(separatedBy: ",v1=").prefix(2).joined(separator: ",v1=")
        #expect(throws: StripeSignatureError.noMatchingSignature) {
            try verify(firstOnly)
        }
        #expect(try verify(header) == Self.signedAt)
    }

    @Test func otherSchemesAreIgnored() throws {
        let header = try StripeSigner.header(
            for: Self.payload, secrets: [Self.secret], timestamp: Self.t,
            extra: ["v0=6ffbb59b2300aae63f27240606", "v2=x"])
        #expect(header.contains(",v0="))
        #expect(try verify(header) == Self.signedAt)
    }

    @Test func tamperedPayloadIsRefusedByUsAndByTheLibrary() throws {
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: Self.t)
        let text = String(decoding: Self.payload, as: UTF8.self)
        for tampered in [text.replacingOccurrences(of: "4990", with: "4999"), text + "\n", " " + text,
                         text.replacingOccurrences(of: "ñandú", with: "nandu")] {
            #expect(throws: StripeSignatureError.noMatchingSignature) {
                try verify(header, payload: Data(tampered.utf8))
            }
        }
        let now = Int64(Date().timeIntervalSince1970)
        let fresh = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: now)
        let tampered = Data(text.replacingOccurrences(of: "4990", with: "4999").utf8)
        #expect(try StripeSigner.libraryVerdict(for: tampered, header: fresh, secret: Self.secret)
            .hasPrefix("refused: No signatures found matching"))
    }

    @Test func changedTimestampIsRefused() throws {
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: Self.t)
        let moved = header.replacingOccurrences(of: "t=\(Self.t)", with: "t=\(Self.t + 1)")
        #expect(throws: StripeSignatureError.noMatchingSignature) {
            try verify(moved)
        }
    }

    @Test(arguments: [nil, "", "   "] as [String?])
    func missingHeader(header: String?) {
        #expect(throws: StripeSignatureError.missingHeader) {
            try verify(header)
        }
    }

    @Test(arguments: [
        ("v1=abc", "no t"),
        ("t=1763737445", "no v1 signature"),
        ("t=1763737445,v0=abc", "no v1 signature"),
        ("t=abc,v1=00", "t is not Unix seconds"),
        ("t=-5,v1=00", "t is not Unix seconds"),
        ("t=,v1=00", "t is not Unix seconds"),
        ("t=1,t=2,v1=00", "more than one t"),
        ("garbage", "item without '='"),
        ("t=1763737445;v1=00", "t is not Unix seconds"),
    ])
    func malformedHeader(header: String, why: String) {
        #expect(throws: StripeSignatureError.malformedHeader(why)) {
            try verify(header)
        }
    }

    /// Well-formed, but the v1 values are not 32-byte hex: nothing can match.
    @Test(arguments: ["", "zz", String(repeating: "ab", count: 31)].map { "t=1763737445,v1=" + $0 })
    func unusableSignatureValuesNeverMatch(header: String) {
        #expect(throws: StripeSignatureError.noMatchingSignature) {
            try verify(header)
        }
    }

    @Test(arguments: [[], [""]] as [[String]])
    func noSecretConfigured(secrets: [String]) throws {
        let header = try StripeSigner.header(for: Self.payload, secrets: [Self.secret], timestamp: Self.t)
        #expect(throws: StripeSignatureError.noEndpointSecret) {
            try verify(header, secrets: secrets)
        }
    }

    /// Our verifier, with the fixed clock and the current secret unless told otherwise.
    @discardableResult
    private func verify(
        _ header: String?, secrets: [String] = [Self.secret], at now: Date = Self.signedAt,
        payload: Data = Self.payload
    ) throws(StripeSignatureError) -> Date {
        try StripeSignature.verify(payload: payload, header: header, secrets: secrets, now: now)
    }
}
