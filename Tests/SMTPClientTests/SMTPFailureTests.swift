import Foundation
import SMTPClient
import Testing

@Suite("SMTPClient failures and how permanent they are")
struct SMTPFailureTests {
    // CURLcode values from curl/curl.h.
    static let couldNotConnect = 7, sendError = 55, peerFailedVerification = 60, useSSLFailed = 64, loginDenied = 67

    private func failure(_ client: SMTPClient, to recipients: [String] = ["ana@cliente.test"]) async throws -> SMTPError {
        try await #require(throws: SMTPError.self) { try await send(client, to: recipients) }
    }

    @Test("smtp:// to a server without STARTTLS fails before sending anything in clear")
    func noSTARTTLS() async throws {
        let sink = try SMTPSink(.none, auth: true)
        defer { sink.stop() }
        let error = try await failure(client(for: sink))
        #expect(error.curlCode == Self.useSSLFailed)
        #expect(!error.isPermanent)
        #expect(try sink.received().isEmpty)
        #expect(try sink.authAttempts().isEmpty)  // the credentials never left
    }

    @Test("a wrong password fails, and is not permanent")
    func wrongPassword() async throws {
        let sink = try SMTPSink(.startTLS, auth: true)
        defer { sink.stop() }
        let error = try await failure(client(for: sink, password: "wrong"))
        #expect(error.curlCode == Self.loginDenied)
        #expect(error.smtpReply == 535)
        #expect(!error.isPermanent)
        #expect(try sink.received().isEmpty)
    }

    @Test("a 550 recipient is permanent, with the server's reply in the message")
    func rejectedRecipient() async throws {
        let sink = try SMTPSink(.startTLS, auth: true, rejectPrefix: true)
        defer { sink.stop() }
        let error = try await failure(client(for: sink), to: ["ana@cliente.test", "reject-me@cliente.test"])
        #expect(error.curlCode == Self.sendError)
        #expect(error.smtpReply == 550)
        #expect(error.isPermanent)
        #expect(error.message.contains("550 5.1.1 mailbox unavailable"))
        #expect(try sink.received().isEmpty)
    }

    @Test("a 451 recipient is not permanent")
    func busyRecipient() async throws {
        let sink = try SMTPSink(.startTLS, auth: true, rejectPrefix: true)
        defer { sink.stop() }
        let error = try await failure(client(for: sink), to: ["busy@cliente.test"])
        #expect(error.smtpReply == 451)
        #expect(!error.isPermanent)
        #expect(error.message.contains("451 4.3.0 try again later"))
    }

    @Test("a closed port fails, and is not permanent")
    func connectionRefused() async throws {
        let sink = try SMTPSink(.startTLS)
        sink.stop()  // waits for the exit, so the port is closed now
        let error = try await failure(client(for: sink))
        #expect(error.curlCode == Self.couldNotConnect)
        #expect(error.smtpReply == nil)
        #expect(!error.isPermanent)
    }

    @Test("a certificate outside the trusted store fails before AUTH")
    func untrustedCertificate() async throws {
        let sink = try SMTPSink(.startTLS, auth: true)
        defer { sink.stop() }
        let error = try await failure(client(for: sink, trustTestCertificate: false))
        #expect(error.curlCode == Self.peerFailedVerification)
        #expect(!error.isPermanent)
        #expect(try sink.received().isEmpty)
        #expect(try sink.authAttempts().isEmpty)
    }

    @Test("addresses that could inject SMTP commands are refused before connecting", arguments: [
        "ana@cliente.test\r\nRCPT TO:<spy@evil.test>", "ana@cliente.test>", "no-at-sign", "",
    ])
    func injectedAddress(address: String) async throws {
        let unreachable = SMTPClient(settings: try SMTPSettings(url: "smtp://127.0.0.1:1"))
        let error = try await failure(unreachable, to: [address])
        #expect(error.isPermanent)
        #expect(error.smtpReply == nil)
    }

    @Test("no recipients is refused")
    func noRecipients() async throws {
        let unreachable = SMTPClient(settings: try SMTPSettings(url: "smtp://127.0.0.1:1"))
        let error = try await failure(unreachable, to: [])
        #expect(error.isPermanent)
    }
}
