import Foundation
import Messaging
import Testing

@Suite("WhatsApp webhook parsing")
struct WhatsAppWebhookParseTests {
    static let messageID = "wamid.HBgLNTE5ODc2NTQzMjEVAgARGBI"
    static let when = Date(timeIntervalSince1970: 1_763_737_445)

    @Test(arguments: ["sent", "delivered", "read"])
    func statusUpdate(status: String) async throws {
        let parsed = try await parse([
            "message_id": Self.messageID, "status": status, "recipient_id": "51987654321",
            "timestamp": 1_763_737_445,
        ])
        #expect(parsed.messages.isEmpty)
        #expect(parsed.statuses == [.init(
            messageID: Self.messageID, status: status, timestamp: Self.when, recipientID: "51987654321",
            errorCode: nil, errorMessage: nil)])
    }

    @Test func failedStatusCarriesErrorCodeAndTitle() async throws {
        let title = "Message failed to send because more than 24 hours have passed since the customer last replied"
        let parsed = try await parse([
            "message_id": Self.messageID, "status": "failed", "recipient_id": "51987654321",
            "timestamp": 1_763_737_445, "errors": [["code": 131047, "title": title]],
        ])
        let update = try #require(parsed.statuses.only)
        #expect(update.status == "failed")
        #expect(update.errorCode == "131047")
        #expect(update.errorMessage == title)
    }

    @Test func inboundMessageOpensTheWindow() async throws {
        let parsed = try await parse(["inbound_from": "51912345678", "timestamp": 1_763_737_445])
        #expect(parsed.statuses.isEmpty)
        #expect(parsed.messages == [.init(from: "51912345678", timestamp: Self.when)])
    }

    @Test func otherChangesGiveNothing() throws {
        let body = #"""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
             {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_name":"cobro"}}]}]}
            """#
        let parsed = try WhatsAppWebhook.parse(Array(body.utf8))
        #expect(parsed.statuses.isEmpty && parsed.messages.isEmpty)
    }

    @Test(arguments: ["", "{not json", "[]", #"{"entry":"x"}"#,
                      #"{"entry":[{"changes":[{"value":{"statuses":[{"status":"sent"}]}}]}]}"#])
    func malformedBodyThrows(body: String) {
        #expect(throws: (any Error).self) { try WhatsAppWebhook.parse(Array(body.utf8)) }
    }

    private func parse(_ request: [String: Any]) async throws
        -> (statuses: [WhatsAppWebhook.StatusUpdate], messages: [WhatsAppWebhook.InboundMessage]) {
        let fake = try FakeProviders()
        defer { fake.stop() }
        var request = request
        request["app_secret"] = "secret"
        let signed = try await fake.whatsAppStatus(request)
        return try WhatsAppWebhook.parse(Array(signed.body.utf8))
    }
}
