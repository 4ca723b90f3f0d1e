@testable import Core
import Crypto
import Fluent
import Foundation
@testable import Notifications
import SMTPClient
import Testing
import VaporTesting

extension AllTests {
    @Suite struct NotificationEmailTests {}
}

private func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}

private func useSink(_ sink: SMTPSink) -> (inout NotificationSettings) -> Void {
    { settings in settings.smtp = try! SMTPSettings(url: sink.url, caFile: sink.certificate) }
}

extension AllTests.NotificationEmailTests {
    /// The whole path: template, MIME, libcurl, STARTTLS, AUTH, a real SMTP server, and Python's
    /// mail parser reading what arrived.
    @Test func invoiceMailArrivesOverSMTPWithItsAttachmentsIntact() async throws {
        let sink = try SMTPSink()
        try await withTestApp(notifications: useSink(sink)) { app in
            let business = try await makeBusiness(app, name: "Bodega Peña", email: "duena@example.pe")
            let pdf = Data((0..<6000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            let xml = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice>Señor Muñoz</Invoice>\n".utf8)
            let sent = try await sendReminder(
                app, business, to: .init(name: "José Ñúñez", email: "jose@cliente.pe"), channel: .email,
                title: "Factura F001-123", attachments: [
                    .init(filename: "F001-123.pdf", contentType: "application/pdf", data: pdf),
                    .init(filename: "20100070970-01-F001-123.xml", contentType: "application/xml", data: xml),
                ])
            try await runJobs(app)

            let stored = try await message(app, sent.id)
            #expect(stored.state == .sent && stored.attempts == 1)
            let mail = try #require(try sink.received().first)
            #expect(mail.subject == "Tu nota «Factura F001-123» – año, Peña & Cía")
            #expect(mail.envelope_to == ["jose@cliente.pe"] && mail.envelope_from == "no-reply@multinicho.pe")
            #expect(mail.defects.isEmpty, "Python found defects: \(mail.defects)")
            #expect(mail.content_type == "multipart/mixed")
            #expect(mail.parts.contains("multipart/alternative") && mail.parts.contains("text/plain") && mail.parts.contains("text/html"))
            #expect(mail.attachments.map(\.filename) == ["F001-123.pdf", "20100070970-01-F001-123.xml"])
            #expect(mail.attachments.map(\.sha256) == [sha256(pdf), sha256(xml)])
            #expect(mail.message_id == stored.providerID && mail.date != nil)
            #expect(mail.text?.contains("Hola José Ñúñez") == true)
            #expect(mail.html?.contains("Bodega Peña") == true)
        }
    }

    @Test func aRejectedRecipientFailsForGoodWithTheServersReply() async throws {
        let sink = try SMTPSink()
        try await withTestApp(notifications: useSink(sink)) { app in
            let business = try await makeBusiness(app, name: "Bodega Rechazo", email: "r@example.pe")
            let sent = try await sendReminder(app, business, to: .init(name: "X", email: "reject-me@cliente.pe"), channel: .email)
            try await runJobs(app)
            let stored = try await message(app, sent.id)
            #expect(stored.state == .failed)
            #expect(stored.error?.contains("550") == true, "the server's reply is kept: \(stored.error ?? "")")
            let job = try #require(try await JobRecord.query(on: app.db).filter(\.$kind == "notifications.deliver").first())
            #expect(job.state == .dead, "a 5xx reply is not retried")
        }
    }

    @Test func anUnreachableServerIsRetriedLater() async throws {
        try await withTestApp(notifications: { $0.smtp = try! SMTPSettings(url: "smtp://127.0.0.1:9") }) { app in
            let sent = try await sendReminder(app, nil, to: .init(name: "X", email: "x@cliente.pe"), channel: .email)
            try await runJobs(app)
            let stored = try await message(app, sent.id)
            #expect(stored.state == .queued && stored.attempts == 1 && stored.error != nil)
            let job = try #require(try await JobRecord.query(on: app.db).filter(\.$kind == "notifications.deliver").first())
            #expect(job.state == .failed && job.runAt > Date(), "scheduled for another attempt")
        }
    }

    @Test func passwordRecoveryMailShowsUpInTheDevOutbox() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = Browser(app)
            try await browser.get("/recover")
            _ = try await browser.post("/recover", [("email", business.email)])
            let before = try await Browser(app).get("/dev/outbox")
            #expect(!before.body.contains("mail-subject"), "nothing is sent inline, in the request")

            try await runJobs(app)
            let page = try await Browser(app).get("/dev/outbox")
            #expect(page.body.contains("Recupera tu contraseña de Multinicho"))
            #expect(page.body.contains(business.email) && page.body.contains("http://localhost:8080/reset/"))
        }
    }

    @Test func everyMailCarriesAWorkingUnsubscribeLink() async throws {
        try await withTestApp(notifications: { $0.whatsApp = nil }) { app in
            let business = try await makeBusiness(app, name: "Lavandería Sol", email: "sol@example.pe")
            let customer = NotificationRecipient(name: "Ana", email: "ana@cliente.pe")
            let first = try await sendReminder(app, business, to: customer)
            #expect(first.channel == .email)
            let link = try #require(first.bodyText.split(separator: " ").map(String.init)
                .first { $0.contains("/n/unsubscribe/") }?.trimmingCharacters(in: .whitespacesAndNewlines))
            let path = String(link.dropFirst("http://localhost:8080".count))

            let confirm = try await Browser(app).get(path)
            #expect(confirm.status == .ok && confirm.body.contains("ana@cliente.pe") && confirm.body.contains("Lavandería Sol"))
            #expect(try await NotificationOptOut.query(on: app.db).count() == 0, "GET alone (a mail scanner) changes nothing")
            // The mail client's one-click POST (RFC 8058) carries no session or CSRF token.
            let done = try await Browser(app).post(path, [("List-Unsubscribe", "One-Click")], csrf: false)
            #expect(done.status == .ok && done.body.contains("unsubscribe-undo"))

            let second = try await sendReminder(app, business, to: customer)
            #expect(second.state == .failed && second.error?.contains("opted out") == true)
            let tampered = try await Browser(app).get(path.replacingOccurrences(of: "unsubscribe/e", with: "unsubscribe/f"))
            #expect(tampered.status == .notFound)
        }
    }
}
