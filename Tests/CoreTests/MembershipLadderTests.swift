@testable import Billing
@testable import Core
import Fluent
import Foundation
@testable import Invoicing
@testable import Notifications
@testable import Payments
@testable import Webhooks
import Shared
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct MembershipLadderTests {}
}

/// 10:00 in Lima on `day` days after 2026-11-02 (the day the business signs up).
private func limaMorning(_ day: Int) -> Date {
    Date(timeIntervalSince1970: 1_793_631_600 + Double(day) * 86_400)  // 2026-11-02T15:00:00Z
}

private struct Walk {
    let app: Application
    let clock: TestClock
    let slug: String
    let owner: Browser
    let staff: Browser
    let key: String

    /// The sweep of that day, then its events dispatched (their messages go out then).
    func day(_ day: Int) async throws -> DunningSweep.Report {
        clock.set(limaMorning(day))
        let report = try await DunningSweep.run(app: app, now: clock.now())
        while try await EventDispatcher.dispatchPending(app, limit: 1000) > 0 {}
        return report
    }

    var stage: MembershipStage? {
        get async throws {
            let tenant = try await Tenant.query(on: app.db).filter(\.$slug == slug).first()
            return try await Subscription.query(on: app.db).filter(\.$tenantID == tenant!.id!).first()?.state
        }
    }

    /// What each channel can do now: the dashboard, a write on the web, an API read and write.
    func abilities() async throws -> [String: UInt] {
        let dashboard = try await owner.get("/t/\(slug)")
        let staffDashboard = try await staff.get("/t/\(slug)")
        _ = try await owner.get("/t/\(slug)/customers")
        let webWrite = try await owner.post("/t/\(slug)/customers", [("document_type", "1"), ("document_number", String(Int.random(in: 10_000_000...99_999_999))), ("name", "Cliente")])
        let apiRead = try await api(app, .GET, "/api/v1/me", key: key)
        let apiWrite = try await apiPost(app, "/api/v1/customers", key: key, json: #"{"document_type": "7", "document_number": "P\#(Int.random(in: 1000...9999))", "name": "X"}"#)
        let publicPage = try await Browser(app).get("/b/\(slug)")
        return ["dashboard": dashboard.status.code, "staff": staffDashboard.status.code, "webWrite": webWrite.status.code,
                "apiRead": apiRead.status.code, "apiWrite": apiWrite.status.code, "public": publicPage.status.code]
    }
}

extension AllTests.MembershipLadderTests {
    /// trial → active → warning → read-only → blocked → paid → active, with what the owner,
    /// the staff and the API can do at each step, and the events and messages of each step.
    @Test func oneBusinessWalksTheWholeLadderAndComesBackTheMomentItPays() async throws {
        try await withTestApp { app in
            let clock = TestClock(limaMorning(0))
            app.clock = clock
            let signup = try await api(app, .POST, "/api/v1/signup", json: """
                {"business_name": "Bodega Rosa", "ruc": "\(RUCs.b)", "owner_name": "Rosa", "email": "rosa@example.pe", "password": "clave-segura-123"}
                """)
            #expect(signup.status == .created)
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$legalName == "Bodega Rosa").first())
            let business = Business(tenant: tenant, owner: try #require(try await User.query(on: app.db).filter(\.$email == "rosa@example.pe").first()),
                                    password: "clave-segura-123")
            _ = try await addMember(app, to: business, email: "caja@example.pe", role: .staff)
            let owner = Browser(app)
            try await signIn(owner, "rosa@example.pe", "clave-segura-123")
            let staff = Browser(app)
            try await signIn(staff, "caja@example.pe", "clave-segura-123")
            let walk = Walk(app: app, clock: clock, slug: tenant.slug, owner: owner, staff: staff, key: try await makeAPIKey(app, business))

            #expect(try await walk.stage == .trial)
            let subscription = try #require(try await Subscription.query(on: app.db).filter(\.$tenantID == business.id).first())
            #expect(LimaDate(dayNumber: subscription.trialEndsDay).iso == "2026-11-16")
            let full: [String: UInt] = ["dashboard": 200, "staff": 200, "webWrite": 303, "apiRead": 200, "apiWrite": 201, "public": 200]
            #expect(try await walk.abilities() == full)

            // T-5: the first period's charge exists (S/ 30.00, basic plan); T-3 and T: reminders.
            #expect(try await walk.day(9).chargesCreated == 1)
            let charge = try #require(try await MembershipCharge.query(on: app.db).filter(\.$tenantID == business.id).first())
            #expect(charge.amount == Money(cents: 3000) && charge.periodStart.iso == "2026-11-16" && charge.periodEnd.iso == "2026-12-16")
            #expect(try await walk.day(11).reminders == 1)
            #expect(try await walk.day(14).changes == [.init(tenantID: business.id, from: .trial, to: .active)])
            #expect(try await walk.stage == .active)
            #expect(try await walk.abilities() == full)

            // T+1: warning — everything works, with a banner and the pay link.
            _ = try await walk.day(15)
            #expect(try await walk.stage == .warning)
            #expect(try await walk.abilities() == full)
            #expect(try await owner.get("/t/\(tenant.slug)").body.contains(#"id="membership-notice""#))

            // T+5: read-only — reads work, writes get 402 (web and API).
            _ = try await walk.day(19)
            #expect(try await walk.stage == .readOnly)
            #expect(try await walk.abilities() == ["dashboard": 200, "staff": 200, "webWrite": 402, "apiRead": 200, "apiWrite": 402, "public": 503])
            #expect(try await Browser(app).get("/b/\(tenant.slug)").body.contains("no está disponible temporalmente"))
            let refused = try await apiPost(app, "/api/v1/invoices", key: walk.key, json: facturaBody).json()
            #expect(refused["code"] as? String == "payment_required" && refused["amount"] as? String == "30.00")
            #expect((refused["pay_url"] as? String)?.hasSuffix("/t/\(tenant.slug)/membership") == true)

            // T+10: blocked — only the pay page; the API answers 402 to everything.
            _ = try await walk.day(24)
            #expect(try await walk.stage == .blocked)
            let blocked = try await walk.abilities()
            #expect(blocked == ["dashboard": 303, "staff": 303, "webWrite": 303, "apiRead": 402, "apiWrite": 402, "public": 503], "\(blocked)")
            #expect(try await owner.get("/t/\(tenant.slug)").location == "/t/\(tenant.slug)/membership")
            let messagesBefore = try await NotificationMessage.query(on: app.db).count()
            #expect(try await walk.day(24) == DunningSweep.Report(), "a second sweep on the same day changes nothing")
            #expect(try await NotificationMessage.query(on: app.db).count() == messagesBefore)

            // The owner pays from the pay page (sandbox provider); the next request works.
            let payPage = try await owner.get("/t/\(tenant.slug)/membership")
            #expect(payPage.status == .ok && payPage.body.contains("S/ 30.00"))
            let started = try await owner.post("/t/\(tenant.slug)/membership/charges/\(charge.id!.uuidString.lowercased())/pay", [("method", "sandbox")])
            let payPath = try #require(started.location, "\(started.status) \(started.body.prefix(1500))")
            let approved = try await owner.post("/pay/sandbox/\(payPath.split(separator: "/").last!)/approve", [])
            #expect(approved.location == payPath, "\(approved.status) \(approved.body.prefix(800))")
            #expect(try await walk.abilities() == full)
            #expect(try await walk.stage == .active)
            #expect(!(try await owner.get("/t/\(tenant.slug)").body.contains(#"id="membership-notice""#)))

            while try await EventDispatcher.dispatchPending(app, limit: 1000) > 0 {}
            let events = try await StoredEvent.query(on: app.db).filter(\.$tenantID == business.id).sort(\.$occurredAt).all()
                .map(\.type).filter { $0.hasPrefix("membership.") }
            #expect(events == ["membership.reminder", "membership.activated", "membership.reminder", "membership.warning", "membership.reminder",
                               "membership.read_only", "membership.blocked", "membership.reactivated"])
            let templates = try await NotificationMessage.query(on: app.db).filter(\.$tenantID == business.id).sort(\.$createdAt).all()
                .map(\.template).filter { $0.hasPrefix("membership.") }
            // T-3 and T reminders; the warning, and its daily reminder on the day the sweep ran in it.
            #expect(templates == ["membership.reminder", "membership.reminder", "membership.warning", "membership.reminder",
                                  "membership.read_only", "membership.blocked", "membership.reactivated"])

            // The platform's own factura for the period, to the business's RUC, mailed to its owner.
            for _ in 0..<3 { try await runJobs(app) }
            let paid = try #require(try await MembershipCharge.find(charge.id, on: app.db))
            #expect(paid.state == .paid && paid.documentID != nil)
            let document = try #require(try await InvoiceRecord.find(paid.documentID, on: app.db))
            #expect(document.documentType == "01" && document.customerDocumentNumber == RUCs.b && document.totalCents == 3000)
        }
    }

    /// A provider's webhook approving the payment: the very next request of the business works.
    @Test func aPaidWebhookReactivatesForTheNextRequest() async throws {
        try await withTestApp { app in
            let clock = TestClock(limaMorning(0))
            app.clock = clock
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            try await Memberships.start(tenantID: business.id, today: LimaDate(clock.now()), now: clock.now(), registry: app.modules, on: app.db)
            clock.set(limaMorning(30))
            try await DunningSweep.run(app: app, now: clock.now())
            let key = try await makeAPIKey(app, business)
            #expect(try await api(app, .GET, "/api/v1/me", key: key).status == .paymentRequired)

            let charge = try #require(try await MembershipCharge.query(on: app.db).filter(\.$tenantID == business.id).first())
            let platform = try await PlatformAccount.tenant(app: app, on: app.db)
            let gateway = try #require(app.paymentGateways[.sandbox] as? SandboxGateway)
            let payment = try await PaymentService.create(
                PaymentRequest(purpose: "membership", reference: charge.id!.uuidString.lowercased(), amount: charge.amount,
                               idempotencyKey: "m-1", description: "Membresía"),
                tenantID: platform.requireID(), gateway: gateway, now: clock.now(), on: app.db)
            let body = try JSONEncoder().encode(SandboxGateway.Notification(eventID: "evt-1", paymentID: payment.requireID(), outcome: .approved, reason: nil))
            let hook = try await app.testing().sendRequest(.POST, "/hooks/payments/sandbox", headers: [
                "Content-Type": "application/json", "Sandbox-Signature": gateway.signature(of: Array(body)),
            ], body: ByteBuffer(data: body))
            #expect(hook.status == .ok)
            #expect(try await api(app, .GET, "/api/v1/me", key: key).status == .ok, "no job or event dispatch in between")
            let replay = try await app.testing().sendRequest(.POST, "/hooks/payments/sandbox", headers: [
                "Content-Type": "application/json", "Sandbox-Signature": gateway.signature(of: Array(body)),
            ], body: ByteBuffer(data: body))
            #expect(replay.status == .ok)
            #expect(try await MembershipCharge.query(on: app.db).filter(\.$state == .paid).count() == 1, "applied once")

            // A second payment for the period already paid: recorded, not applied, shown to the admin.
            let second = try await PaymentService.create(
                PaymentRequest(purpose: "membership", reference: charge.id!.uuidString.lowercased(), amount: charge.amount,
                               idempotencyKey: "m-2", description: "Membresía"),
                tenantID: platform.requireID(), gateway: gateway, now: clock.now(), on: app.db)
            let secondBody = try JSONEncoder().encode(SandboxGateway.Notification(eventID: "evt-2", paymentID: second.requireID(), outcome: .approved, reason: nil))
            _ = try await app.testing().sendRequest(.POST, "/hooks/payments/sandbox", headers: [
                "Content-Type": "application/json", "Sandbox-Signature": gateway.signature(of: Array(secondBody)),
            ], body: ByteBuffer(data: secondBody))
            while try await EventDispatcher.dispatchPending(app, limit: 100) > 0 {}
            let paid = try #require(try await MembershipCharge.find(charge.id, on: app.db))
            #expect(paid.paymentID == payment.id, "the first payment stays the one applied")
            let admin = User(email: "admin@multinicho.pe", name: "Admin", passwordHash: try Bcrypt.hash("clave-segura-123", cost: 4), isPlatformAdmin: true)
            try await admin.create(on: app.db)
            let browser = Browser(app)
            try await signIn(browser, admin.email, "clave-segura-123")
            let console = try await browser.get("/admin/billing")
            #expect(console.body.contains(#"id="unapplied""#) && console.body.contains(second.id!.uuidString.lowercased()))
            #expect(!console.body.contains(payment.id!.uuidString.lowercased()))
            #expect(console.body.contains("<svg") && console.body.contains(#"id="mrr""#))
        }
    }

    @Test func aPolicyWithOverlappingOrBackwardStepsIsRefused() async throws {
        try await withTestApp { app in
            let admin = User(email: "admin@multinicho.pe", name: "Admin", passwordHash: try Bcrypt.hash("clave-segura-123", cost: 4), isPlatformAdmin: true)
            try await admin.create(on: app.db)
            let browser = Browser(app)
            try await signIn(browser, admin.email, "clave-segura-123")
            let console = try await browser.get("/admin/billing")
            #expect(console.status == .ok, "\(console.body.prefix(1500))")
            let back = try await browser.post("/admin/billing/policy", [("steps", #"[{"offset_days": 1, "action": "blocked"}, {"offset_days": 5, "action": "warning"}]"#)])
            #expect(back.status == .unprocessableEntity && back.body.contains("menos grave"))
            let overlap = try await browser.post("/admin/billing/policy", [("steps", #"[{"offset_days": 1, "action": "warning"}, {"offset_days": 1, "action": "blocked"}]"#)])
            #expect(overlap.status == .unprocessableEntity)
            let good = try await browser.post("/admin/billing/policy", [("steps", #"[{"offset_days": 0, "action": "reminder"}, {"offset_days": 3, "action": "warning"}, {"offset_days": 7, "action": "blocked"}]"#)])
            #expect(good.location == "/admin/billing?done=policy")
            #expect(try await PolicyStore.current(on: app.db).thresholds.map(\.offsetDays) == [3, 7])
        }
    }
}

extension AllTests.MembershipLadderTests {
    /// A blocked business's webhooks wait (attempts untouched) and go out once it is unblocked.
    @Test func webhooksPauseWhileBlockedAndResumeAfter() async throws {
        let receiver = try WebhookReceiver()
        try await withTestApp { app in
            let clock = TestClock(limaMorning(0))
            app.clock = clock
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe", modules: ["notes"])
            let subscription = try #require(try await Memberships.start(
                tenantID: business.id, today: LimaDate(clock.now()), now: clock.now(), registry: app.modules, on: app.db))
            try await AdminActions.perform("block", on: subscription, days: nil, planID: nil, reason: "prueba", admin: nil, app: app, on: app.db)
            let endpoint = WebhookEndpoint(tenantID: business.id, url: receiver.url("/ok/paused"), label: "n8n", eventTypes: [],
                                           secret: WebhookSignature.newSecret(), now: clock.now())
            try await endpoint.create(on: app.db)
            try await receiver.register("paused", secrets: [endpoint.secret])
            try await DomainEvents.emit(NoteCreated(id: UUID(), title: "Pedido 7"), tenantID: business.id, at: clock.now(), on: app.db)
            try await EventDispatcher.dispatchPending(app)
            try await JobWorker(application: app).runDue()
            #expect(try await receiver.requests("paused").isEmpty)
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.attempts == 0 && delivery.state != .failed)

            let again = try #require(try await Subscription.query(on: app.db).filter(\.$tenantID == business.id).first())
            try await AdminActions.perform("unblock", on: again, days: nil, planID: nil, reason: "pagó en efectivo", admin: nil, app: app, on: app.db)
            clock.advance(by: 3601)
            try await JobWorker(application: app).runDue()
            // Both held deliveries go out: the membership.blocked event itself and the note.
            let types = try await receiver.waitFor("paused", count: 2).compactMap { $0.json["type"] as? String }.sorted()
            #expect(types == ["membership.blocked", "note.created"])
            #expect(try await BillingAuditEntry.query(on: app.db).all().map(\.action) .sorted() == ["block", "unblock"])
        }
    }
}

extension AllTests.MembershipLadderTests {
    /// Yape to the platform's own number: the owner sends the voucher, the platform's staff
    /// approve it on the platform business's payments page, the business is back at once.
    @Test func aYapeVoucherToThePlatformPaysTheMembership() async throws {
        try await withTestApp { app in
            let clock = TestClock(limaMorning(0))
            app.clock = clock
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            try await Memberships.start(tenantID: business.id, today: LimaDate(clock.now()), now: clock.now(), registry: app.modules, on: app.db)
            clock.set(limaMorning(30))
            try await DunningSweep.run(app: app, now: clock.now())
            let platform = try await PlatformAccount.tenant(app: app, on: app.db)
            try await PaymentWallet(tenantID: platform.requireID(), kind: .yape, phone: "+51987654321", holder: "Multinicho", now: clock.now())
                .create(on: app.db)

            let owner = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/membership")
            let page = try await owner.get("/t/\(business.slug)/membership")
            #expect(page.body.contains("pay-voucher"))
            let charge = try #require(try await MembershipCharge.query(on: app.db).filter(\.$tenantID == business.id).sort(\.$periodStartDay).first())
            let started = try await owner.post("/t/\(business.slug)/membership/charges/\(charge.id!.uuidString.lowercased())/pay", [("method", "voucher")])
            let payPath = try #require(started.location)
            _ = try await owner.get(payPath)
            _ = try await owner.post(payPath + "/voucher", [("wallet", "yape"), ("operationNumber", "40312345"), ("amount", "30.00")])
            let payment = try #require(try await Payment.find(UUID(uuidString: String(payPath.split(separator: "/").last!)), on: app.db))
            #expect(payment.state == .claimed && payment.tenantID == platform.id)

            let admin = User(email: "admin@multinicho.pe", name: "Admin", passwordHash: try Bcrypt.hash("clave-segura-123", cost: 4), isPlatformAdmin: true)
            try await admin.create(on: app.db)
            let staff = Browser(app)
            try await signIn(staff, admin.email, "clave-segura-123")
            _ = try await staff.get("/t/\(platform.slug)/payments")
            let approved = try await staff.post("/t/\(platform.slug)/payments/\(payment.id!.uuidString.lowercased())/approve", [])
            #expect(approved.status == .seeOther || approved.status == .found, "\(approved.status)")
            #expect(try await owner.get("/t/\(business.slug)").status == .ok, "back at once")
            #expect(try await MembershipCharge.find(charge.id, on: app.db)?.state == .paid)
        }
    }
}

extension AllTests.MembershipLadderTests {
    /// The plan's documents per month: the next real document over it is refused (402
    /// `plan_limit`); sandbox documents do not count.
    @Test func thePlanLimitsDocumentsPerMonth() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            try await Memberships.start(tenantID: business.id, today: LimaDate(app.clock.now()), now: app.clock.now(), registry: app.modules, on: app.db)
            try await Plan.query(on: app.db).set(\.$maxDocumentsPerMonth, to: 1).update()
            let profile = try await InvoicingProfiles.ensure(business.tenant, app: app, on: app.db)
            profile.environment = .beta
            try await profile.save(on: app.db)
            let key = try await makeAPIKey(app, business)
            #expect(try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody).status == .accepted)
            let over = try await apiPost(app, "/api/v1/invoices", key: key, json: facturaBody)
            #expect(try over.status == .paymentRequired && over.json()["code"] as? String == "plan_limit")
            #expect(try await InvoiceRecord.query(on: app.db).count() == 1, "nothing issued, no number taken")
            let sandbox = try await APIKeys.issue(tenantID: business.id, name: "pruebas", scopes: ["*"], sandbox: true, on: app.db,
                                                  secret: app.config.secretKey).plaintext
            #expect(try await apiPost(app, "/api/v1/invoices", key: sandbox, json: facturaBody).status == .accepted)
        }
    }
}

extension AllTests.MembershipLadderTests {
    /// An add-on bought on top of the plan is billed on its own; left unpaid, it blocks its module
    /// only (402 there, everything else works), and paying it brings the module back at once.
    @Test func anUnpaidAddOnBlocksItsModuleOnly() async throws {
        try await withTestApp { app in
            let clock = TestClock(limaMorning(0))
            app.clock = clock
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            try await Memberships.start(tenantID: business.id, today: LimaDate(clock.now()), now: clock.now(), registry: app.modules, on: app.db)
            let owner = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/membership")
            let page = try await owner.get("/t/\(business.slug)/membership")
            #expect(page.body.contains(#"id="addon-notes""#))
            let bought = try await owner.post("/t/\(business.slug)/membership/addons", [("module", "notes")])
            #expect(bought.location == "/t/\(business.slug)/membership?addon=notes")
            let charge = try #require(try await MembershipCharge.query(on: app.db).filter(\.$moduleID == "notes").first())
            #expect(charge.amount == Money(cents: 467), "14 days of 30 of S/ 10.00, until the first period")
            let key = try await makeAPIKey(app, business)
            #expect(try await apiPost(app, "/api/v1/notes", key: key, json: #"{"title": "Pedido 1"}"#).status == .created)

            clock.set(limaMorning(10))
            try await DunningSweep.run(app: app, now: clock.now())
            let blocked = try await apiPost(app, "/api/v1/notes", key: key, json: #"{"title": "Pedido 2"}"#)
            #expect(try blocked.status == .paymentRequired && blocked.json()["code"] as? String == "payment_required")
            #expect(try await api(app, .GET, "/api/v1/me", key: key).status == .ok, "the rest of the business works")
            #expect(try await Browser(app).get("/b/\(business.slug)/notes/board").status == .serviceUnavailable)
            #expect(try await Browser(app).get("/b/\(business.slug)").status == .ok)
            #expect(try await Subscription.query(on: app.db).first()?.state == .trial)

            let started = try await owner.post("/t/\(business.slug)/membership/charges/\(charge.id!.uuidString.lowercased())/pay", [("method", "sandbox")])
            let payPath = try #require(started.location)
            _ = try await owner.post("/pay/sandbox/\(payPath.split(separator: "/").last!)/approve", [])
            #expect(try await apiPost(app, "/api/v1/notes", key: key, json: #"{"title": "Pedido 3"}"#).status == .created)
            #expect(try await Browser(app).get("/b/\(business.slug)/notes/board").body == "notes: 2")

            // From the next period on, the add-on is charged with the plan, each on its own.
            clock.set(limaMorning(12))
            try await DunningSweep.run(app: app, now: clock.now())
            let next = try await MembershipCharge.query(on: app.db).filter(\.$periodStartDay == LimaDate(limaMorning(14)).dayNumber).all()
            #expect(next.map(\.moduleID).sorted() == ["", "notes"])
            #expect(next.first { $0.moduleID == "notes" }?.amountCents == 1000)
        }
    }
}
