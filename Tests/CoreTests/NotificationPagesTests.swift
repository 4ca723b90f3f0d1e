@testable import Core
import Fluent
import Foundation
@testable import Notifications
import Testing
import VaporTesting

extension AllTests {
    @Suite struct NotificationPagesTests {}
}

extension AllTests.NotificationPagesTests {
    @Test func theLogFiltersByStateChannelAndRecipientAndResends() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Lucha", email: "lucha@example.pe")
            let other = try await makeBusiness(app, name: "Bodega Ajena", email: "ajena@example.pe")
            let good = try await sendReminder(app, business, to: .init(name: "Carla", email: "carla@cliente.pe"))
            let bad = try await sendReminder(app, business, to: .init(name: "Beto", email: "beto-sin-arroba"), channel: .email)
            let foreign = try await sendReminder(app, other, to: .init(name: "Zoe", email: "zoe@cliente.pe"))
            try await runJobs(app)

            let browser = try await ownerBrowser(app, business)
            let all = try await browser.get("/t/\(business.slug)/notifications")
            #expect(all.status == .ok && all.body.contains("carla@cliente.pe") && all.body.contains("Beto"))
            #expect(!all.body.contains("zoe@cliente.pe"), "another business's messages never show")
            let failed = try await browser.get("/t/\(business.slug)/notifications?state=failed")
            #expect(failed.body.contains("message-\(bad.id!.uuidString)") && !failed.body.contains("carla@cliente.pe"))
            let search = try await browser.get("/t/\(business.slug)/notifications?q=CARLA")
            #expect(search.body.contains("carla@cliente.pe") && !search.body.contains("Beto"))
            let sms = try await browser.get("/t/\(business.slug)/notifications?channel=sms")
            #expect(sms.body.contains("no-messages"))

            let resent = try await browser.post("/t/\(business.slug)/notifications/\(good.id!.uuidString)/resend", [])
            #expect(resent.status == .seeOther && resent.location?.contains("resent=true") == true)
            #expect(try await message(app, good.id).state == .queued)
            let refused = try await browser.post("/t/\(business.slug)/notifications/\(bad.id!.uuidString)/resend", [])
            #expect(refused.location?.contains("resend_refused=true") == true)
            let stolen = try await browser.post("/t/\(business.slug)/notifications/\(foreign.id!.uuidString)/resend", [])
            #expect(stolen.status == .notFound)
        }
    }

    @Test func staffSeeTheLogButCannotResendOrEditTemplates() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Staff", email: "s@example.pe")
            _ = try await addMember(app, to: business, email: "staff@example.pe", role: .staff)
            let sent = try await sendReminder(app, business, to: .init(name: "Ana", email: "ana@cliente.pe"))
            let browser = Browser(app)
            try await signIn(browser, "staff@example.pe", "clave-segura-123")
            let log = try await browser.get("/t/\(business.slug)/notifications")
            #expect(log.status == .ok && log.body.contains("ana@cliente.pe") && !log.body.contains("/resend"))
            #expect(try await browser.post("/t/\(business.slug)/notifications/\(sent.id!.uuidString)/resend", []).status == .forbidden)
            #expect(try await browser.get("/t/\(business.slug)/settings/notifications").status == .forbidden)
        }
    }

    @Test func preferencesRefuseAPhoneThatIsNotAPeruvianMobile() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Prefs", email: "v@example.pe")
            let path = "/t/\(business.slug)/settings/notifications"
            let browser = try await ownerBrowser(app, business, opening: path)
            let bad = try await browser.post(path, [("order", "email whatsapp sms"), ("phone", "01 456 7890")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("error-phone") && bad.body.contains("01 456 7890"))
            #expect(try await NotificationPreferences.query(on: app.db).count() == 0, "nothing saved")
            let bogusOrder = try await browser.post(path, [("order", "sms sms sms"), ("phone", "")])
            #expect(bogusOrder.status == .unprocessableEntity && bogusOrder.body.contains("error-order"))

            let good = try await browser.post(path, [("order", "email whatsapp sms"), ("phone", "987-654-321")])
            #expect(good.status == .seeOther)
            let saved = try #require(try await NotificationPreferences.query(on: app.db).first())
            #expect(saved.contactPhone == "+51987654321" && saved.channelOrder == [.email, .whatsapp, .sms])
            #expect(try await browser.get(path).body.contains("+51 987 654 321"))
        }
    }

    @Test func theOwnerRewordsATemplateAndCanGoBack() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Plantillas", email: "l@example.pe")
            let path = "/t/\(business.slug)/settings/notifications/templates/notes.reminder?lang=es"
            let browser = try await ownerBrowser(app, business, opening: path)
            let unknown = try await browser.post(path, [("subject", "Hola {{nombre}}"), ("body", ""), ("short", "")])
            #expect(unknown.status == .unprocessableEntity && unknown.body.contains("error-subject") && unknown.body.contains("{{nombre}}"))
            #expect(try await TemplateOverride.query(on: app.db).count() == 0)

            let saved = try await browser.post(path, [("subject", "Recordatorio: {{title}}"), ("body", ""), ("short", "")])
            #expect(saved.status == .seeOther)
            let sent = try await sendReminder(app, business, to: .init(name: "Ana", email: "ana@cliente.pe"))
            #expect(sent.subject == "Recordatorio: Comprar pan")
            #expect(sent.bodyText.contains("Tu nota: Comprar pan"), "a blank body keeps the module's text")

            let page = try await browser.get(path)
            let reset = try await browser.post("/t/\(business.slug)/settings/notifications/templates/notes.reminder/reset?lang=es", [])
            #expect(page.body.contains("reset-template") && reset.status == .seeOther)
            #expect(try await TemplateOverride.query(on: app.db).count() == 0)
            #expect(try await browser.get("/t/\(business.slug)/settings/notifications/templates/nope").status == .notFound)
            let platformMail = "/t/\(business.slug)/settings/notifications/templates/auth.password_reset"
            #expect(try await browser.get(platformMail).status == .notFound, "no business sends the platform's own mail")
        }
    }
}
