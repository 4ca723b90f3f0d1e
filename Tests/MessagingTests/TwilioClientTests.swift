import Foundation
import Messaging
import Testing

@Suite("Twilio SMS client against the fake Twilio API")
struct TwilioClientTests {
    static let callback = "https://app.multinicho.pe/webhooks/twilio/status?tenant=7&x=a+b"

    @Test func sendPostsTheDocumentedFormWithBasicAuth() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let text = "Hola Rosa: su recibo F001-123 vence mañana & cuesta S/ 49.90 (100% seguro) ✅"
        let sent = try await fake.twilio().send(to: "+51987654321", body: text, statusCallback: Self.callback)

        #expect(sent.status == "queued")
        #expect(sent.sid.hasPrefix("SM") && sent.sid.count == 34)
        let request = try #require(try await fake.requests().only)
        #expect(request.status == 201)
        #expect(request.path == "/2010-04-01/Accounts/\(FakeProviders.twilioSID)/Messages.json")
        let credentials = Data("\(FakeProviders.twilioSID):\(FakeProviders.twilioToken)".utf8).base64EncodedString()
        #expect(request.headers["authorization"] == "Basic \(credentials)")
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(request.form == [
            "To": "+51987654321", "From": "+15005550006", "Body": text, "StatusCallback": Self.callback,
        ])
    }

    @Test func messagingServiceReplacesFrom() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let service = "MG" + String(repeating: "ab", count: 16)
        _ = try await fake.twilio(from: "+15005550006", messagingServiceSID: service)
            .send(to: "+51987654321", body: "Hola", statusCallback: nil)

        let request = try #require(try await fake.requests().only)
        #expect(request.form == ["To": "+51987654321", "MessagingServiceSid": service, "Body": "Hola"])
    }

    @Test func invalidToIsPermanent() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.twilio().send(to: "987654321", body: "Hola", statusCallback: nil)
        }
        #expect(error.status == 400)
        #expect(error.code == "21211")
        #expect(error.message.hasPrefix("The 'To' number 987654321 is not a valid phone number."))
        #expect(!error.isRetryable)
        #expect(error.description.hasPrefix("HTTP 400, code 21211: The 'To' number"))
    }

    @Test func serverErrorIsRetryable() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.twilio().send(to: "+51900000500", body: "Hola", statusCallback: nil)
        }
        #expect(error.status == 500)
        #expect(error.code == "20500")
        #expect(error.isRetryable)
    }

    @Test func wrongTokenIsPermanent() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.twilio(token: "old-token").send(to: "+51987654321", body: "Hola", statusCallback: nil)
        }
        #expect(error.status == 401)
        #expect(error.code == "20003")
        #expect(error.message.hasPrefix("Authenticate"))
        #expect(!error.isRetryable)
    }

    @Test func noSenderFailsBeforeAnyRequest() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.twilio(from: nil).send(to: "+51987654321", body: "Hola", statusCallback: nil)
        }
        #expect(error.status == nil)
        #expect(!error.isRetryable)
        #expect(try await fake.requests().isEmpty)
    }
}
