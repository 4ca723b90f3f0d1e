import Foundation
import SMTPClient
import Testing

@Suite("SMTPClient delivers over TLS")
struct SMTPDeliveryTests {
    let recipients = ["ana@cliente.test", "luis@cliente.test"]

    @Test("STARTTLS with AUTH delivers the exact bytes to every recipient")
    func startTLSWithAuth() async throws {
        let sink = try SMTPSink(.startTLS, auth: true)
        defer { sink.stop() }
        try await send(client(for: sink), to: recipients)

        let received = try sink.received()
        try #require(received.count == 1)
        #expect(try sink.raw(1) == TestMessage.build(to: recipients))
        #expect(received[0].envelopeFrom == TestMessage.from)
        #expect(received[0].envelopeTo == recipients)
        #expect(received[0].tls)
        let attempts = try sink.authAttempts()
        #expect(attempts.map(\.success) == [true])
        #expect(attempts.first?.tls == true)
        #expect(attempts.first?.login == SMTPSink.user)
    }

    @Test("the message survives as Python's email package reads it")
    func messageParses() async throws {
        let sink = try SMTPSink(.startTLS, auth: true)
        defer { sink.stop() }
        try await send(client(for: sink), to: recipients)

        let message = try #require(try sink.received().first)
        #expect(message.subject == TestMessage.subject)
        #expect(message.parts == ["multipart/mixed", "text/plain", "application/octet-stream"])
        #expect(message.text?.hasPrefix(TestMessage.text) == true)  // dot-stuffed line round-trips
        #expect(message.attachments.map(\.filename) == ["datos.bin"])
        #expect(message.attachments.first?.size == TestMessage.attachment.count)
        #expect(message.defects.isEmpty)
    }

    @Test("smtps:// (implicit TLS) with AUTH delivers")
    func implicitTLS() async throws {
        let sink = try SMTPSink(.implicitTLS, auth: true)
        defer { sink.stop() }
        try await send(client(for: sink, scheme: "smtps"), to: recipients)

        let received = try sink.received()
        try #require(received.count == 1)
        #expect(received[0].tls)
        #expect(received[0].envelopeTo == recipients)
        #expect(try sink.raw(1) == TestMessage.build(to: recipients))
    }

    @Test("sends in a row on one client all arrive")
    func severalSends() async throws {
        let sink = try SMTPSink(.startTLS, auth: true)
        defer { sink.stop() }
        let mailer = try client(for: sink)
        for recipient in recipients {
            try await send(mailer, to: [recipient])
        }
        #expect(try sink.received().map(\.envelopeTo) == recipients.map { [$0] })
    }
}
