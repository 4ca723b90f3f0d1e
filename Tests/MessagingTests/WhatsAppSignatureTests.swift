import Foundation
import Messaging
import Testing

@Suite("WhatsApp X-Hub-Signature-256")
struct WhatsAppSignatureTests {
    static let secret = "0a1b2c3d4e5f-app-secret"

    @Test func fakesSignedWebhookVerifies() async throws {
        let signed = try await signedWebhook()
        #expect(WhatsAppWebhook.isValidSignature(
            signed.signature, body: Array(signed.body.utf8), appSecret: Self.secret))
    }

    @Test func changedBodyFails() async throws {
        let signed = try await signedWebhook()
        var body = Array(signed.body.utf8)
        let index = try #require(body.firstIndex(of: UInt8(ascii: "d")))  // inside "delivered"
        body[index] = UInt8(ascii: "D")
        #expect(!WhatsAppWebhook.isValidSignature(signed.signature, body: body, appSecret: Self.secret))
        let longer = Array(signed.body.utf8) + [0x20]
        #expect(!WhatsAppWebhook.isValidSignature(signed.signature, body: longer, appSecret: Self.secret))
    }

    @Test func wrongSecretFails() async throws {
        let signed = try await signedWebhook()
        #expect(!WhatsAppWebhook.isValidSignature(signed.signature, body: Array(signed.body.utf8), appSecret: "other"))
        #expect(!WhatsAppWebhook.isValidSignature(signed.signature, body: Array(signed.body.utf8), appSecret: ""))
    }

    @Test func missingOrMalformedHeaderFails() async throws {
        let signed = try await signedWebhook()
        let body = Array(signed.body.utf8)
        let hex = String(signed.signature.dropFirst("sha256=".count))
        for header in [nil, "", hex, "sha1=" + hex, "sha256=", "sha256=" + hex.dropLast(2), "sha256=" + hex + "00",
                       "sha256=zz" + hex.dropFirst(2)] as [String?] {
            #expect(
                !WhatsAppWebhook.isValidSignature(header, body: body, appSecret: Self.secret),
                "header \(header ?? "nil")")
        }
    }

    private func signedWebhook() async throws -> FakeProviders.Signed {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let signed = try await fake.whatsAppStatus([
            "message_id": "wamid.HBgLNTE5ODc2NTQzMjEVAgARGBI", "status": "delivered",
            "recipient_id": "51987654321", "app_secret": Self.secret, "inbound_from": "51987654321",
        ])
        #expect(signed.signature.hasPrefix("sha256="))
        return signed
    }
}
