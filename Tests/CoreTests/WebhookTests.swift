@testable import Core
import Fluent
import Notifications
import Foundation
import Testing
import Vapor
@testable import Webhooks

extension AllTests {
    @Suite struct WebhookTests {}
}

/// An endpoint straight into the database (the form has its own tests).
@discardableResult
private func makeEndpoint(_ app: Application, _ business: Business, url: String, types: [String] = []) async throws -> WebhookEndpoint {
    let endpoint = WebhookEndpoint(tenantID: business.id, url: url, label: "test", eventTypes: types,
                                   secret: WebhookSignature.newSecret(), now: app.clock.now())
    try await endpoint.create(on: app.db)
    return endpoint
}

private func emitNote(_ app: Application, _ business: Business, _ title: String) async throws {
    try await DomainEvents.emit(NoteCreated(id: UUID(), title: title), tenantID: business.id, at: app.clock.now(), on: app.db)
}

/// Hands pending events to the subscribers and runs the due jobs once.
private func deliverDue(_ app: Application) async throws {
    try await EventDispatcher.dispatchPending(app)
    try await JobWorker(application: app).runDue()
}

private func deliveryJob(_ app: Application) async throws -> JobRecord {
    try #require(try await JobRecord.query(on: app.db).filter(\.$kind == "webhooks.deliver").first())
}

extension AllTests.WebhookTests {
    @Test func anEventReachesTheReceiverSignedAsStandardWebhooksSpecifies() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe", modules: ["notes"])
            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings/webhooks")
            let created = try await browser.post("/t/\(business.slug)/settings/webhooks", [
                ("url", receiver.url("/ok/n8n")), ("description", "n8n"), ("event_types[]", "note.created"),
                ("auth_header_name", "Authorization"), ("auth_header_value", "Bearer n8n-token"),
            ])
            #expect(created.status == .seeOther)
            let endpoint = try #require(try await WebhookEndpoint.query(on: app.db).first())
            #expect(endpoint.secret.hasPrefix("whsec_") && endpoint.eventTypeList == ["note.created"])
            try await receiver.register("n8n", secrets: [endpoint.secret])
            let key = try await makeAPIKey(app, business)

            #expect(try await api(app, .POST, "/api/v1/notes", key: key, json: #"{"title":"Pedido 42"}"#).status == .created)
            try await deliverDue(app)

            let received = try await receiver.requests("n8n")
            let request = try #require(received.first)
            #expect(received.count == 1)
            #expect(request.verified_by == [0], "standardwebhooks accepts it: \(request.verify_error ?? "")")
            #expect(request.headers["webhook-id"]?.hasPrefix("msg_") == true)
            #expect(request.headers["authorization"] == "Bearer n8n-token")
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.json["type"] as? String == "note.created")
            #expect(request.json["tenant"] as? String == business.slug)
            #expect((request.json["data"] as? [String: Any])?["title"] as? String == "Pedido 42")
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.state == .succeeded && delivery.attempts == 1 && delivery.lastStatus == 204)
            let attempt = try #require(try await WebhookAttempt.query(on: app.db).first())
            #expect(attempt.status == 204 && attempt.error == nil)
        }
    }

    @Test func anEndpointGetsOnlyTheTypesItChoseAndOnlyItsTenantsEvents() async throws {
        try await withTestApp { app in
            let a = try await makeBusiness(app, name: "Salon A", email: "a@example.pe")
            let b = try await makeBusiness(app, name: "Salon B", email: "b@example.pe")
            try await makeEndpoint(app, a, url: "http://127.0.0.1:9/a", types: ["booking.cancelled"])
            let all = try await makeEndpoint(app, a, url: "http://127.0.0.1:9/all")
            try await makeEndpoint(app, b, url: "http://127.0.0.1:9/b")

            try await emitNote(app, a, "x")
            try await EventDispatcher.dispatchPending(app)

            let deliveries = try await WebhookDelivery.query(on: app.db).all()
            #expect(deliveries.map(\.endpointID) == [all.id!])
        }
    }

    @Test func failedDeliveriesFollowTheRetryScheduleThenStop() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let clock = TestClock()
            app.clock = clock
            let business = try await makeBusiness(app, name: "Lavanderia Sur", email: "sur@example.pe")
            let endpoint = try await makeEndpoint(app, business, url: receiver.url("/status/500/down"))
            try await receiver.register("down", secrets: [endpoint.secret])
            try await emitNote(app, business, "x")
            try await deliverDue(app)

            for wait in [5.0, 300, 1800, 7200, 18000, 36000, 36000] {
                let job = try await deliveryJob(app)
                #expect(job.state == .failed)
                let scheduled = job.runAt.timeIntervalSince(clock.now())
                #expect(scheduled >= wait * 0.9 && scheduled <= wait * 1.1, "wait \(wait): got \(scheduled)")
                clock.advance(by: wait * 0.85)
                #expect(try await JobWorker(application: app).runDue() == 0, "not before \(wait) s")
                clock.advance(by: wait * 0.3)
                #expect(try await JobWorker(application: app).runDue() == 1)
            }

            #expect(try await deliveryJob(app).state == .dead)
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.state == .failed && delivery.attempts == 8)
            let received = try await receiver.requests("down")
            #expect(received.count == 8)
            #expect(Set(received.compactMap { $0.headers["webhook-id"] }).count == 1, "one id across retries")
            #expect(received.allSatisfy { $0.signed_by == [0] })
            #expect(try await WebhookEndpoint.find(endpoint.id, on: app.db)?.enabled == true, "27 hours is not 5 days")
        }
    }

    @Test func a410DisablesTheEndpointAndTellsTheOwner() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Gone", email: "gone@example.pe")
            let endpoint = try await makeEndpoint(app, business, url: receiver.url("/status/410/gone"))
            try await emitNote(app, business, "x")
            try await deliverDue(app)

            let stored = try #require(try await WebhookEndpoint.find(endpoint.id, on: app.db))
            #expect(!stored.enabled && stored.disabledReason == "410 Gone")
            #expect(try await deliveryJob(app).state == .succeeded, "nothing left to retry")
            #expect(try await WebhookDelivery.query(on: app.db).first()?.state == .failed)
            let mail = try #require(try await NotificationMessage.query(on: app.db).first())
            #expect(mail.recipient == business.email && mail.template == "webhooks.endpoint_disabled")
            #expect(mail.bodyText.contains(endpoint.url))

            try await emitNote(app, business, "y")
            try await deliverDue(app)
            #expect(try await receiver.requests("gone").count == 1, "a disabled endpoint gets nothing more")
        }
    }

    @Test func anEndpointFailingForFiveDaysIsDisabled() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let clock = TestClock()
            app.clock = clock
            let business = try await makeBusiness(app, name: "Minimarket Caido", email: "caido@example.pe")
            let endpoint = try await makeEndpoint(app, business, url: receiver.url("/status/503/flaky"))
            try await emitNote(app, business, "day 0")
            try await deliverDue(app)
            let since = try #require(try await WebhookEndpoint.find(endpoint.id, on: app.db)?.failingSince)
            #expect(abs(since.timeIntervalSince(clock.now())) < 0.01)

            clock.advance(by: 4 * 24 * 3600)
            try await emitNote(app, business, "day 4")
            try await deliverDue(app)
            #expect(try await WebhookEndpoint.find(endpoint.id, on: app.db)?.enabled == true)

            clock.advance(by: 24 * 3600 + 1)
            try await emitNote(app, business, "day 5")
            try await deliverDue(app)
            let stored = try #require(try await WebhookEndpoint.find(endpoint.id, on: app.db))
            #expect(!stored.enabled && stored.disabledReason == "failing for 5 days")
            #expect(try await NotificationMessage.query(on: app.db).filter(\.$template == "webhooks.endpoint_disabled").count() == 1)
        }
    }

    @Test func aSuccessEndsTheFailingStreak() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let clock = TestClock()
            app.clock = clock
            let business = try await makeBusiness(app, name: "Bodega Vuelve", email: "vuelve@example.pe")
            let endpoint = try await makeEndpoint(app, business, url: receiver.url("/status/500/x"))
            try await emitNote(app, business, "a")
            try await deliverDue(app)
            endpoint.url = receiver.url("/ok/x")
            try await endpoint.save(on: app.db)
            clock.advance(by: 6)
            try await deliverDue(app)
            #expect(try await WebhookEndpoint.find(endpoint.id, on: app.db)?.failingSince == nil)
        }
    }

    @Test func duringARotationBothSecretsSignThenOnlyTheNewOne() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let clock = TestClock()
            app.clock = clock
            let business = try await makeBusiness(app, name: "Salon Giro", email: "giro@example.pe")
            let endpoint = try await makeEndpoint(app, business, url: receiver.url("/ok/rot"))
            let old = endpoint.secret
            let page = "/t/\(business.slug)/settings/webhooks/\(endpoint.id!)"
            let browser = try await ownerBrowser(app, business, opening: page)

            #expect(try await browser.post(page + "/rotate", []).status == .seeOther)
            let new = try #require(try await WebhookEndpoint.find(endpoint.id, on: app.db)?.secret)
            #expect(new != old)
            #expect(try await browser.get(page).body.contains("id=\"rotation\""))
            try await receiver.register("rot", secrets: [new, old])
            #expect(try await browser.post(page + "/test", []).status == .seeOther)
            try await deliverDue(app)

            clock.advance(by: 24 * 3600 + 1)
            try await browser.get(page)
            #expect(try await browser.post(page + "/test", []).status == .seeOther)
            try await deliverDue(app)

            let received = try await receiver.requests("rot")
            try #require(received.count == 2)
            #expect(received[0].verified_by == [0, 1], "either secret verifies during the overlap")
            #expect(received[0].json["type"] as? String == "webhook.test")
            #expect(received[1].signed_by == [0], "after a day only the new secret signs")
        }
    }

    @Test func aHangingReceiverDoesNotHoldUpOtherTenants() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp(webhookTimeout: 2) { app in
            let slow = try await makeBusiness(app, name: "Tienda Lenta", email: "lenta@example.pe")
            let fast = try await makeBusiness(app, name: "Tienda Rapida", email: "rapida@example.pe")
            try await makeEndpoint(app, slow, url: receiver.url("/hang/slow"))
            try await makeEndpoint(app, fast, url: receiver.url("/ok/fast"))
            try await emitNote(app, slow, "first")
            try await emitNote(app, fast, "second")
            try await EventDispatcher.dispatchPending(app)
            let started = Date()

            let worker = JobWorker(application: app, options: .init(concurrency: 4, pollInterval: 0.05))
            let running = Task { await worker.run() }
            let fastRequests = try await receiver.waitFor("fast", count: 1, timeout: 30)
            let fastTook = Date().timeIntervalSince(started)
            try await Task.sleep(for: .seconds(2.5))
            running.cancel()
            await running.value

            #expect(fastRequests.count == 1)
            let hung = try #require(try await WebhookAttempt.query(on: app.db).filter(\.$tenantID == slow.id).first())
            #expect(hung.error == "timed out" && hung.durationMs >= 1900)
            // The fast tenant's call arrived before the slow one gave up: it did not wait behind it.
            let slowGaveUp = hung.attemptedAt.addingTimeInterval(Double(hung.durationMs) / 1000)
            #expect(started.addingTimeInterval(fastTook) < slowGaveUp, "the fast tenant waited \(fastTook) s")
        }
    }

    @Test func redirectsAreNotFollowedAndLongAnswersAreCut() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rara", email: "rara@example.pe")
            try await makeEndpoint(app, business, url: receiver.url("/redirect/r"))
            try await makeEndpoint(app, business, url: receiver.url("/big/b"))
            try await emitNote(app, business, "x")
            try await deliverDue(app)

            let attempts = try await WebhookAttempt.query(on: app.db).all()
            #expect(Set(attempts.compactMap(\.status)) == [302, 500])
            #expect(try await receiver.requests("r-redirected").isEmpty)
            let big = try #require(attempts.first { $0.status == 500 })
            #expect(big.responseExcerpt?.count == WebhookSender.excerptLimit)
        }
    }

    @Test func badEndpointURLsAreRefusedWithTheReason() async throws {
        try await withTestApp(mode: .production) { app in
            let business = try await makeBusiness(app, name: "Bodega Segura", email: "segura@example.pe")
            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings/webhooks")
            let path = "/t/\(business.slug)/settings/webhooks"
            let cases: [(String, String)] = [
                ("ftp://example.com/hook", "http:// o https://"),
                ("http://127.0.0.1:5678/webhook/x", "local o privada"),
                ("http://10.0.0.7/webhook", "local o privada"),
                ("http://169.254.169.254/latest/meta-data", "local o privada"),
                ("http://[::1]:8080/x", "local o privada"),
                ("http://localhost/x", "local o privada"),
                ("https://user:pw@example.com/x", "usuario ni clave"),
                ("https://example.com/" + String(repeating: "a", count: 2001), "demasiado larga"),
                ("", "obligatorio"),
            ]
            for (url, reason) in cases {
                let page = try await browser.post(path, [("url", url)])
                #expect(page.status == .unprocessableEntity, "\(url.prefix(40))")
                #expect(page.body.contains("id=\"error-url\"") && page.body.contains(reason), "\(url.prefix(40)): \(reason)")
            }
            let header = try await browser.post(path, [("url", "https://n8n.example.com/webhook/x"),
                                                       ("auth_header_name", "webhook-signature"), ("auth_header_value", "x")])
            #expect(header.status == .unprocessableEntity && header.body.contains("id=\"error-auth_header_name\""))
            let unknown = try await browser.post(path, [("url", "https://n8n.example.com/webhook/x"), ("event_types[]", "nope.nope")])
            #expect(unknown.status == .unprocessableEntity && unknown.body.contains("nope.nope"))
            #expect(try await WebhookEndpoint.query(on: app.db).count() == 0)

            let good = try await browser.post(path, [("url", "https://n8n.example.com/webhook/x")])
            #expect(good.status == .seeOther)
        }
    }

    @Test func inProductionADeliveryToAPrivateAddressIsRefused() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp(mode: .production) { app in
            let business = try await makeBusiness(app, name: "Bodega Interna", email: "interna@example.pe")
            try await makeEndpoint(app, business, url: receiver.url("/ok/inside"))
            try await emitNote(app, business, "x")
            try await deliverDue(app)

            let attempt = try #require(try await WebhookAttempt.query(on: app.db).first())
            #expect(attempt.status == nil && attempt.error?.hasPrefix("refused") == true)
            #expect(try await receiver.requests("inside").isEmpty)
        }
    }

    @Test func theOwnerSeesDeliveriesAndResendsOneButNotAnotherTenants() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salon Ver", email: "ver@example.pe")
            let other = try await makeBusiness(app, name: "Salon Otro", email: "otro@example.pe")
            let endpoint = try await makeEndpoint(app, business, url: receiver.url("/ok/seen"))
            try await emitNote(app, business, "x")
            try await deliverDue(app)
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            let page = "/t/\(business.slug)/settings/webhooks/\(endpoint.id!)"
            let browser = try await ownerBrowser(app, business, opening: page)

            let shown = try await browser.get(page)
            #expect(shown.body.contains("delivery-\(delivery.id!)") && shown.body.contains("entregado") && shown.body.contains("204"))
            #expect(try await browser.get("/t/\(business.slug)/settings/webhooks").body.contains(endpoint.url))
            #expect(try await browser.post(page + "/deliveries/\(delivery.id!)/resend", []).status == .seeOther)
            try await JobWorker(application: app).runDue()
            let received = try await receiver.requests("seen")
            #expect(received.count == 2 && received[0].headers["webhook-id"] == received[1].headers["webhook-id"])
            #expect(try await WebhookAttempt.query(on: app.db).count() == 2)

            let intruder = try await ownerBrowser(app, other, opening: "/t/\(other.slug)/settings/webhooks")
            let foreign = "/t/\(other.slug)/settings/webhooks/\(endpoint.id!)"
            #expect(try await intruder.get(foreign).status == .notFound)
            #expect(try await intruder.post(foreign + "/deliveries/\(delivery.id!)/resend", []).status == .notFound)
            #expect(try await intruder.post(foreign + "/rotate", []).status == .notFound)
            #expect(try await WebhookAttempt.query(on: app.db).count() == 2)
        }
    }

    @Test func staffCannotManageWebhooks() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salon Staff", email: "jefa@example.pe")
            _ = try await addMember(app, to: business, email: "staff@example.pe", role: .staff)
            let browser = Browser(app)
            try await signIn(browser, "staff@example.pe", "clave-segura-123")
            #expect(try await browser.get("/t/\(business.slug)/settings/webhooks").status == .forbidden)
        }
    }

    @Test func addressRangesThatReachOurOwnNetworkAreRefused() {
        for refused in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                        "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1"] {
            #expect(IPRange.isRefused(refused), "\(refused)")
        }
        for allowed in ["8.8.8.8", "172.32.0.1", "200.48.225.130", "2800:200:e840::1", "example.com"] {
            #expect(!IPRange.isRefused(allowed), "\(allowed)")
        }
    }

    @Test func signaturesMatchTheStandardWebhooksReferenceVector() {
        // From the Standard Webhooks spec's example: secret, id, timestamp and body as given there.
        let header = WebhookSignature.header(
            messageID: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330,
            body: #"{"test": 2432232314}"#, secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        #expect(header == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }
}
