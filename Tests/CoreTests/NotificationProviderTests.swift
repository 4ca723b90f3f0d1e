@testable import Core
import Fluent
import Foundation
@testable import Notifications
import Shared
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct NotificationProviderTests {}
}

/// Daytime in Lima, so quiet hours do not hold WhatsApp and SMS back.
private func daytime(_ app: Application) -> TestClock {
    let clock = TestClock()
    clock.set(LimaCalendar.calendar.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 10))!)
    app.clock = clock
    return clock
}

private func post(_ app: Application, _ path: String, body: String, headers: HTTPHeaders) async throws -> (HTTPStatus, String) {
    var result: (HTTPStatus, String) = (.ok, "")
    try await app.test(.POST, path, headers: headers, beforeRequest: { req in
        req.body = ByteBuffer(string: body)
    }, afterResponse: { res in
        result = (res.status, res.body.string)
    })
    return result
}

extension AllTests.NotificationProviderTests {
    @Test func whatsAppOutsideTheWindowUsesTheApprovedTemplateWithTheDocument() async throws {
        let fake = try FakeProviders()
        try await withTestApp(notifications: fake.configure) { app in
            _ = daytime(app)
            let business = try await makeBusiness(app, name: "Veterinaria Patitas", email: "p@example.pe")
            let sent = try await sendReminder(app, business, to: .init(name: "Rosa", phone: "987 654 321"),
                                              title: "Vacuna de Firulais")
            #expect(sent.channel == .whatsapp && sent.recipient == "+51987654321")
            try await runJobs(app)

            let stored = try await message(app, sent.id)
            #expect(stored.state == .sent && stored.providerID?.hasPrefix("wamid.") == true)
            let call = try #require(try await fake.requests().first { $0.path.hasSuffix("/messages") })
            #expect(call.path == "/v21.0/\(FakeProviders.phoneNumberID)/messages")
            #expect(call.headers.first { $0.key.lowercased() == "authorization" }?.value == "Bearer \(FakeProviders.whatsAppToken)")
            let json = call.json
            #expect(json["to"] as? String == "51987654321" && json["type"] as? String == "template")
            let template = try #require(json["template"] as? [String: Any])
            #expect(template["name"] as? String == "recordatorio_nota")
            let components = try #require(template["components"] as? [[String: Any]])
            let header = try #require(components.first { $0["type"] as? String == "header" })
            let document = try #require(((header["parameters"] as? [[String: Any]])?.first)?["document"] as? [String: Any])
            #expect(document["link"] as? String == "https://files.multinicho.pe/F001-123.pdf")
            #expect(document["filename"] as? String == "F001-123.pdf")
            let body = try #require(components.first { $0["type"] as? String == "body" })
            let texts = (body["parameters"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
            #expect(texts == ["Rosa", "Vacuna de Firulais"])
        }
    }

    @Test func insideTheWindowWhatsAppSendsFreeText() async throws {
        let fake = try FakeProviders()
        try await withTestApp(notifications: fake.configure) { app in
            let clock = daytime(app)
            let business = try await makeBusiness(app, name: "Salón Estilo", email: "e@example.pe")
            // The customer writes first (at the test clock's 10:00, not the machine's time, which
            // an hour later may fall in quiet hours): Meta reports it through the same signed webhook.
            let inbound = try await fake.whatsAppStatus("wamid.none", "sent", inboundFrom: "51987654321", at: clock.now())
            let (status, _) = try await post(app, "/hooks/whatsapp", body: inbound.body,
                                             headers: ["X-Hub-Signature-256": inbound.signature, "Content-Type": "application/json"])
            #expect(status == .ok)
            let contact = try #require(try await WhatsAppContact.query(on: app.db).first())
            clock.set(contact.lastInboundAt.addingTimeInterval(3600))

            _ = try await sendReminder(app, business, to: .init(name: "Rosa", phone: "+51 987-654-321"))
            try await runJobs(app)
            let call = try #require(try await fake.requests().first { $0.path.hasSuffix("/messages") })
            #expect(call.json["type"] as? String == "text")
            #expect((call.json["text"] as? [String: Any])?["body"] as? String == "Hola Rosa, tu nota: Comprar pan")
        }
    }

    @Test func providerErrorsAreFinalOn4xxAndRetriedOn5xx() async throws {
        let fake = try FakeProviders()
        try await withTestApp(notifications: fake.configure) { app in
            _ = daytime(app)
            let refused = try await sendReminder(app, nil, to: .init(name: "A", phone: "900000400"), channel: .whatsapp)
            let flaky = try await sendReminder(app, nil, to: .init(name: "B", phone: "900000500"), channel: .whatsapp)
            let smsRefused = try await sendReminder(app, nil, to: .init(name: "C", phone: "900000500"), channel: .sms)
            try await runJobs(app)

            let final = try await message(app, refused.id)
            #expect(final.state == .failed && final.error?.contains("131030") == true, "Meta's own message: \(final.error ?? "")")
            let retried = try await message(app, flaky.id)
            #expect(retried.state == .queued && retried.attempts == 1 && retried.error?.contains("500") == true)
            let sms = try await message(app, smsRefused.id)
            #expect(sms.state == .queued && sms.attempts == 1, "Twilio's 500 is retried too")
            let jobs = try await JobRecord.query(on: app.db).filter(\.$kind == "notifications.deliver").all()
            #expect(jobs.filter { $0.state == .dead }.count == 1 && jobs.filter { $0.state == .failed }.count == 2)
        }
    }

    @Test func whatsAppStatusesMoveTheLogForwardOnlyAndNeedTheSignature() async throws {
        let fake = try FakeProviders()
        try await withTestApp(notifications: fake.configure) { app in
            _ = daytime(app)
            let sent = try await sendReminder(app, nil, to: .init(name: "Rosa", phone: "987654321"), channel: .whatsapp)
            try await runJobs(app)
            let wamid = try #require(try await message(app, sent.id).providerID)

            let read = try await fake.whatsAppStatus(wamid, "read")
            #expect(try await post(app, "/hooks/whatsapp", body: read.body, headers: ["X-Hub-Signature-256": read.signature]).0 == .ok)
            #expect(try await message(app, sent.id).state == .read)
            let late = try await fake.whatsAppStatus(wamid, "delivered")
            _ = try await post(app, "/hooks/whatsapp", body: late.body, headers: ["X-Hub-Signature-256": late.signature])
            #expect(try await message(app, sent.id).state == .read, "a late 'delivered' does not undo 'read'")

            let forged = try await fake.whatsAppStatus(wamid, "failed", secret: "someone-else")
            let (status, body) = try await post(app, "/hooks/whatsapp", body: forged.body, headers: ["X-Hub-Signature-256": forged.signature])
            #expect(status == .unauthorized && body.contains("error"))
            let unsigned = try await post(app, "/hooks/whatsapp", body: read.body, headers: [:])
            #expect(unsigned.0 == .unauthorized)
            let tampered = try await post(app, "/hooks/whatsapp", body: read.body.replacingOccurrences(of: "read", with: "failed"),
                                          headers: ["X-Hub-Signature-256": read.signature])
            #expect(tampered.0 == .unauthorized)
            #expect(try await message(app, sent.id).state == .read)
        }
    }

    @Test func whatsAppVerificationEchoesTheChallengeOnlyForOurToken() async throws {
        let fake = try FakeProviders()
        try await withTestApp(notifications: fake.configure) { app in
            try await app.test(.GET, "/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444") { res in
                #expect(res.status == .ok && res.body.string == "1158201444")
            }
            try await app.test(.GET, "/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1") { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test func smsGoesThroughTwilioAndItsSignedCallbackUpdatesTheLog() async throws {
        let fake = try FakeProviders()
        try await withTestApp(notifications: fake.configure) { app in
            _ = daytime(app)
            let sent = try await sendReminder(app, nil, to: .init(name: "Luis", phone: "912 345 678"), channel: .sms)
            try await runJobs(app)
            let stored = try await message(app, sent.id)
            let sid = try #require(stored.providerID)
            #expect(stored.state == .sent && sid.hasPrefix("SM"))
            let call = try #require(try await fake.requests().first { $0.path.hasSuffix("/Messages.json") })
            #expect(call.path == "/2010-04-01/Accounts/\(FakeProviders.twilioSID)/Messages.json")
            #expect(call.body.contains("To=%2B51912345678") && call.body.contains("StatusCallback="))

            let url = "http://localhost:8080/hooks/twilio/status"
            let delivered = try await fake.twilioStatus(url: url, ["MessageSid": sid, "MessageStatus": "delivered"])
            let form: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            var headers = form
            headers.add(name: "X-Twilio-Signature", value: delivered.signature)
            #expect(try await post(app, "/hooks/twilio/status", body: delivered.body, headers: headers).0 == .ok)
            #expect(try await message(app, sent.id).state == .delivered)

            let forged = try await fake.twilioStatus(url: url, ["MessageSid": sid, "MessageStatus": "failed"], token: "not-ours")
            headers = form
            headers.add(name: "X-Twilio-Signature", value: forged.signature)
            #expect(try await post(app, "/hooks/twilio/status", body: forged.body, headers: headers).0 == .unauthorized)
            #expect(try await message(app, sent.id).state == .delivered)
        }
    }

    @Test func quietHoursHoldWhatsAppUntilEightUnlessUrgent() async throws {
        let fake = try FakeProviders()
        try await withTestApp(notifications: fake.configure) { app in
            let clock = TestClock()
            let night = LimaCalendar.calendar.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 22, minute: 15))!
            clock.set(night)
            app.clock = clock
            let sent = try await sendReminder(app, nil, to: .init(name: "Rosa", phone: "987654321"), channel: .whatsapp)
            let morning = LimaCalendar.calendar.date(from: DateComponents(year: 2026, month: 11, day: 24, hour: 8))!
            #expect(try await message(app, sent.id).scheduledFor == morning)
            try await runJobs(app)
            #expect(try await fake.requests().isEmpty, "nothing goes out at night")

            clock.set(morning.addingTimeInterval(1))
            try await runJobs(app)
            #expect(try await message(app, sent.id).state == .sent)

            // An urgent message goes out at once, night or not.
            clock.set(night)
            let alarm = try await app.db.transaction { tx in
                try await app.notifier.send(.init(template: NotesModule.alarm.id, to: .init(name: "Rosa", phone: "987654321"),
                                                  channel: .sms, parameters: ["name": "Rosa"]), on: tx)
            }
            #expect(try await message(app, alarm).scheduledFor == nil)
            try await runJobs(app)
            #expect(try await message(app, alarm).state == .sent)

            // Email is not held back: it waits in the inbox without waking anyone.
            clock.set(night)
            let mail = try await sendReminder(app, nil, to: .init(name: "Rosa", email: "rosa@cliente.pe"), channel: .email)
            #expect(try await message(app, mail.id).scheduledFor == nil)
        }
    }
}
