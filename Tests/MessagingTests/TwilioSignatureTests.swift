import Foundation
import Messaging
import TestSupport
import Testing

@Suite("Twilio X-Twilio-Signature")
struct TwilioSignatureTests {
    /// Twilio's published example, also checked with twilio 9.13.0 in the reference notes.
    static let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    static let params = [
        ("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"),
        ("From", "+12349013030"), ("To", "+18005551212"),
    ]

    @Test func classicVector() {
        #expect(TwilioSignature.compute(url: Self.url, parameters: Self.params, authToken: "12345")
            == "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
        #expect(TwilioSignature.isValid(
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", url: Self.url, parameters: Self.params, authToken: "12345"))
    }

    @Test func parameterOrderDoesNotMatter() {
        #expect(TwilioSignature.isValid(
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", url: Self.url, parameters: Self.params.reversed(), authToken: "12345"))
    }

    @Test(arguments: [nil, "", "not base64!", "AAAA", "0/KCTR6DLpKmkAf8muzZqo1nDgQ", "1/KCTR6DLpKmkAf8muzZqo1nDgQ="])
    func missingOrMalformedHeaderFails(header: String?) {
        #expect(!TwilioSignature.isValid(header, url: Self.url, parameters: Self.params, authToken: "12345"))
    }

    @Test func fakesSignedStatusCallbackVerifies() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let callback = try await signedCallback(fake)
        #expect(TwilioSignature.isValid(
            callback.signed.signature, url: callback.url, parameters: callback.params, authToken: callback.token))
        #expect(TwilioSignature.compute(url: callback.url, parameters: callback.params, authToken: callback.token)
            == callback.signed.signature)
    }

    @Test func tamperingFails() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let callback = try await signedCallback(fake)
        let signature = callback.signed.signature
        let changed = callback.params.map { $0.0 == "MessageStatus" ? ($0.0, "delivered") : $0 }
        let check = { (url: String, params: [(String, String)], token: String) in
            TwilioSignature.isValid(signature, url: url, parameters: params, authToken: token)
        }
        #expect(!check(callback.url, changed, callback.token))
        #expect(!check(callback.url, callback.params + [("Extra", "1")], callback.token))
        #expect(!check(callback.url, Array(callback.params.dropLast()), callback.token))
        let otherTenant = callback.url.replacingOccurrences(of: "tenant=7", with: "tenant=8")
        #expect(!check(otherTenant, callback.params, callback.token))
        #expect(!check(callback.url, callback.params, "another-token"))
        #expect(!check(callback.url, callback.params, ""))
    }

    private struct Callback {
        let url: String
        let token: String
        let signed: FakeProviders.Signed
        /// As the webhook handler will see them: decoded from the form body.
        let params: [(String, String)]
    }

    private func signedCallback(_ fake: FakeProviders) async throws -> Callback {
        let url = "https://app.multinicho.pe/webhooks/twilio/status?tenant=7"
        let token = "tenant-7-auth-token"
        let signed = try await fake.twilioStatus(url: url, authToken: token, params: [
            "MessageSid": "SM0123456789abcdef0123456789abcdef", "MessageStatus": "undelivered",
            "ErrorCode": "30003", "To": "+51987654321", "AccountSid": FakeProviders.twilioSID,
            "SmsStatus": "undelivered", "ApiVersion": "2010-04-01",
        ])
        let params = Form.pairs(signed.body)
        #expect(params.count == 7)
        return Callback(url: url, token: token, signed: signed, params: params)
    }
}
