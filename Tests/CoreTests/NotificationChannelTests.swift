@testable import Core
import Fluent
import Foundation
@testable import Notifications
import Testing
import VaporTesting

extension AllTests {
    @Suite struct NotificationChannelTests {}
}

private func withProviders(_ body: @escaping (Application) async throws -> Void) async throws {
    // Configured but never called: these tests only look at what gets queued.
    try await withTestApp(notifications: { settings in
        settings.whatsApp = .init(phoneNumberID: "1", accessToken: "t")
        settings.whatsAppAppSecret = "s"
        settings.twilio = .init(accountSID: "AC1", authToken: "t", from: "+15005550006", messagingServiceSID: nil)
    }, body)
}

extension AllTests.NotificationChannelTests {
    @Test func bestChannelFollowsTheTenantsOrderAndSkipsWhatCannotWork() async throws {
        try await withProviders { app in
            let business = try await makeBusiness(app, name: "Minimarket Don Pepe", email: "pepe@example.pe")
            let both = NotificationRecipient(name: "Rosa", email: "rosa@cliente.pe", phone: "987654321")
            #expect(try await sendReminder(app, business, to: both).channel == .whatsapp, "WhatsApp first by default")
            #expect(try await sendReminder(app, business, to: .init(name: "Sin cel", email: "a@cliente.pe")).channel == .email)

            let preferences = NotificationPreferences(tenantID: business.id)
            preferences.channelOrderText = "email sms whatsapp"
            try await preferences.create(on: app.db)
            #expect(try await sendReminder(app, business, to: both).channel == .email)
            // The alarm has no email text: the next channel in the order.
            let alarm = try await app.db.transaction { tx in
                try await app.notifier.send(.init(template: NotesModule.alarm.id, to: both, parameters: ["name": "Rosa"],
                                                  tenantID: business.id), on: tx)
            }
            #expect(try await message(app, alarm).channel == .sms)
        }
    }

    @Test func anInvalidAddressIsLoggedWithTheReasonAndNeverQueued() async throws {
        try await withProviders { app in
            let landline = try await sendReminder(app, nil, to: .init(name: "Fijo", phone: "01 4567890"), channel: .whatsapp)
            #expect(landline.state == .failed && landline.error?.contains("whatsapp:") == true)
            let badMail = try await sendReminder(app, nil, to: .init(name: "X", email: "no-es-correo"), channel: .email)
            #expect(badMail.state == .failed && badMail.error?.isEmpty == false)
            let nothing = try await sendReminder(app, nil, to: .init(name: "Nadie"))
            #expect(nothing.state == .failed && nothing.error?.contains("no email address") == true)
            #expect(try await JobRecord.query(on: app.db).filter(\.$kind == "notifications.deliver").count() == 0)
        }
    }

    @Test func unconfiguredChannelsAreSkipped() async throws {
        try await withTestApp { app in
            let sent = try await sendReminder(app, nil, to: .init(name: "Rosa", email: "rosa@cliente.pe", phone: "987654321"))
            #expect(sent.channel == .email, "no WhatsApp credentials here")
        }
    }

    @Test func theTenantsWordingIsUsedAndEveryValueIsEscaped() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería <b>Sol</b>", email: "sol@example.pe")
            let wording = TemplateOverride(tenantID: business.id, template: NotesModule.reminder.id, language: .es)
            wording.subject = "Aviso: {{title}}"
            wording.body = "Estimado {{name}}:\n\n{{title}} ya está listo. Más en https://sol.pe/pedidos?a=1&b=2"
            try await wording.create(on: app.db)

            let sent = try await sendReminder(app, business, to: .init(name: "<script>alert(1)</script>", email: "x@cliente.pe"),
                                              title: "Tu ropa & más")
            #expect(sent.subject == "Aviso: Tu ropa & más")
            #expect(sent.bodyText.hasPrefix("Estimado <script>alert(1)</script>:"), "plain text stays as typed")
            let html = try #require(sent.bodyHTML)
            #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("Tu ropa &amp; más") && html.contains("Lavandería &lt;b&gt;Sol&lt;/b&gt;"))
            #expect(html.contains("<a href=\"https://sol.pe/pedidos?a=1&amp;b=2\">"))

            let english = try await sendReminder(app, business, to: .init(name: "Ann", email: "ann@cliente.pe"), language: .en)
            #expect(english.subject == "Your note Comprar pan", "no English override: the module's English text")
        }
    }

    @Test func aResendGoesOutAgainWithTheSameTexts() async throws {
        try await withTestApp { app in
            let sent = try await sendReminder(app, nil, to: .init(name: "Ana", email: "ana@cliente.pe"))
            try await runJobs(app)
            let first = try await message(app, sent.id)
            #expect(first.state == .sent)
            try await NotificationDelivery.resend(first, settings: Notifications.settings(app), now: app.clock.now(), on: app.db)
            #expect(try await message(app, sent.id).state == .queued)
            try await runJobs(app)
            let again = try await message(app, sent.id)
            #expect(again.state == .sent && again.attempts == 2 && again.bodyText == first.bodyText)
            let maildir = Maildir(path: Notifications.settings(app).mailDirectory)
            #expect(maildir.newest(10).count == 2)
            let metrics = try await app.testing().sendRequest(.GET, "/metrics").body.string
            #expect(metrics.contains(#"notifications_total{channel="email",outcome="sent"}"#))
        }
    }
}
