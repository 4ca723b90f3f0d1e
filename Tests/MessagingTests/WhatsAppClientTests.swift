import Foundation
import Messaging
import TestSupport
import Testing

@Suite("WhatsApp Cloud API client against the fake Graph API")
struct WhatsAppClientTests {
    @Test func templateWithDocumentHeaderSendsTheDocumentedJSON() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let id = try await fake.whatsApp().sendTemplate(
            to: "51987654321", name: "cobro_vencido", languageCode: "es",
            bodyParameters: ["Bodega Rosa", "S/ 49.90", "15/11/2026"],
            document: .init(link: "https://cdn.multinicho.pe/f/F001-123.pdf?sig=a&b=c", filename: "F001-123.pdf"))

        #expect(id.hasPrefix("wamid."))
        let sent = try #require(try await fake.requests().only)
        #expect(sent.status == 200)
        #expect(sent.path == "/v21.0/\(FakeProviders.phoneNumberID)/messages")
        #expect(sent.headers["authorization"] == "Bearer \(FakeProviders.whatsAppToken)")
        #expect(sent.json == (try JSON.parse("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"51987654321","type":"template",
             "template":{"name":"cobro_vencido","language":{"code":"es"},"components":[
               {"type":"header","parameters":[{"type":"document","document":{
                 "link":"https://cdn.multinicho.pe/f/F001-123.pdf?sig=a&b=c","filename":"F001-123.pdf"}}]},
               {"type":"body","parameters":[{"type":"text","text":"Bodega Rosa"},{"type":"text","text":"S/ 49.90"},
                                            {"type":"text","text":"15/11/2026"}]}]}}
            """)))
    }

    @Test func templateWithoutVariablesHasNoComponents() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        _ = try await fake.whatsApp().sendTemplate(
            to: "51987654321", name: "hello_world", languageCode: "en_US", bodyParameters: [], document: nil)

        let sent = try #require(try await fake.requests().only)
        #expect(sent.status == 200)
        #expect(sent.json?["template"] == (try JSON.parse(#"{"name":"hello_world","language":{"code":"en_US"}}"#)))
    }

    @Test func textMessage() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let body = "Hola Rosa, su pedido está listo: https://multinicho.pe/p/abc"
        let id = try await fake.whatsApp().sendText(to: "51987654321", body: body, previewURL: true)

        #expect(id.hasPrefix("wamid."))
        let sent = try #require(try await fake.requests().only)
        #expect(sent.json == (try JSON.parse("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"51987654321","type":"text",
             "text":{"body":"\(body)","preview_url":true}}
            """)))
    }

    @Test func recipientNotAllowedIsPermanentAndCarriesMetasWords() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.whatsApp().sendText(to: "51900000400", body: "Hola", previewURL: false)
        }
        #expect(error.status == 400)
        #expect(error.code == "131030")
        #expect(error.message.hasPrefix("(#131030) Recipient phone number not in allowed list"))
        #expect(error.message.contains("Add recipient phone number to recipient list"))
        #expect(!error.isRetryable)
    }

    @Test(arguments: [("51900000429", 429, "130429"), ("51900000500", 500, "2")])
    func throttlingAndServerErrorsAreRetryable(recipient: String, status: Int, code: String) async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.whatsApp().sendText(to: recipient, body: "Hola", previewURL: false)
        }
        #expect(error.status == status)
        #expect(error.code == code)
        #expect(error.message.hasPrefix("(#\(code)) "))
        #expect(error.isRetryable)
    }

    /// Meta throttles a business/customer pair with a 400; retrying later does get through.
    @Test func pairRateLimitIsRetryableDespiteStatus400() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.whatsApp().sendText(to: "51900000456", body: "Hola", previewURL: false)
        }
        #expect(error.status == 400)
        #expect(error.code == "131056")
        #expect(error.isRetryable)
    }

    @Test func timeoutIsRetryableWithoutStatus() async throws {
        // The fake answers after 60 s, far beyond the 1 s timeout even on a loaded machine.
        let fake = try FakeProviders(slowSeconds: 60)
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.whatsApp(timeout: 1).sendText(to: "51900000999", body: "Hola", previewURL: false)
        }
        #expect(error.status == nil)
        #expect(error.isRetryable)
        #expect(error.message.contains("1.0 s"))
    }

    @Test func wrongTokenIsPermanent() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.whatsApp(token: "EAAG-revoked").sendText(to: "51987654321", body: "Hola", previewURL: false)
        }
        #expect(error.status == 401)
        #expect(error.code == "190")
        #expect(error.message.hasPrefix("(#190) Invalid OAuth access token"))
        #expect(!error.isRetryable)
    }

    @Test func wrongPhoneNumberIDIsPermanent() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.whatsApp(phoneNumberID: "999").sendText(to: "51987654321", body: "Hola", previewURL: false)
        }
        #expect(error.status == 400)
        #expect(error.code == "100")
        #expect(!error.isRetryable)
    }

    /// Meta's `error_data.details` names the bad field; without it "(#100) Invalid parameter" says nothing.
    @Test func invalidParameterDetailsReachTheCaller() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let error = try await #require(throws: ProviderError.self) {
            try await fake.whatsApp().sendText(to: "+51987654321", body: "Hola", previewURL: false)
        }
        #expect(error.status == 400)
        #expect(error.message.hasPrefix("(#100) Invalid parameter"))
        #expect(error.message.contains("Parameter 'to'"))
        #expect(!error.isRetryable)
    }

    @Test func unexpectedBodyStillGivesStatusAndText() async throws {
        let fake = try FakeProviders()
        defer { fake.stop() }
        let configuration = WhatsAppCloudClient.Configuration(
            apiBaseURL: fake.baseURL + "/not-graph", phoneNumberID: "1", accessToken: "t", timeout: 60)
        let error = try await #require(throws: ProviderError.self) {
            try await WhatsAppCloudClient(configuration: configuration, httpClient: .shared)
                .sendText(to: "51987654321", body: "Hola", previewURL: false)
        }
        #expect(error.status == 404)
        #expect(error.code == nil)
        #expect(error.message.contains("no provider route"))
        #expect(!error.isRetryable)
        #expect(error.description.hasPrefix("HTTP 404: unexpected answer"))
    }

    @Test func refusedConnectionIsRetryable() async throws {
        let configuration = WhatsAppCloudClient.Configuration(
            apiBaseURL: "http://127.0.0.1:9/v21.0", phoneNumberID: "1", accessToken: "t", timeout: 5)
        let error = try await #require(throws: ProviderError.self) {
            try await WhatsAppCloudClient(configuration: configuration, httpClient: .shared)
                .sendText(to: "51987654321", body: "Hola", previewURL: false)
        }
        #expect(error.status == nil)
        #expect(error.isRetryable)
    }
}

