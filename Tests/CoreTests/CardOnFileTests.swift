@testable import Billing
@testable import Core
import Notifications
import Fluent
import Foundation
@testable import Payments
import Shared
import TestSupport
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct CardOnFileTests {}
}

/// 10:00 in Lima, `day` days after 2026-11-02.
private func morning(_ day: Int) -> Date {
    Date(timeIntervalSince1970: 1_793_631_600 + Double(day) * 86_400)
}

private struct CardWorld {
    let app: Application
    let fake: FakePayments
    let clock: TestClock
    let business: Business
    let owner: Browser

    var slug: String { business.tenant.slug }

    /// That day's sweep, then its jobs (the card charges) and events.
    @discardableResult
    func day(_ day: Int) async throws -> DunningSweep.Report {
        clock.set(morning(day))
        let report = try await DunningSweep.run(app: app, now: clock.now())
        try await runJobs(app)
        while try await EventDispatcher.dispatchPending(app, limit: 1000) > 0 {}
        return report
    }

    func charges() async throws -> [MembershipCharge] {
        try await MembershipCharge.query(on: app.db).filter(\.$tenantID == business.id).sort(\.$periodStartDay).all()
    }

    /// Sends Stripe's events since `seen` to the webhook, signed, as Stripe would.
    func deliverEvents(after seen: Int) async throws {
        for event in try await fake.stripeEvents().dropFirst(seen) {
            let payload = Data(event.body.utf8)
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: "Stripe-Signature", value: try StripeSigner.header(
                for: payload, secrets: ["whsec_cards"], timestamp: Int64(Date().timeIntervalSince1970)))
            let answer = try await app.testing().sendRequest(.POST, "/hooks/payments/stripe", headers: headers, body: ByteBuffer(data: payload))
            #expect(answer.status == .ok, "\(event.type): \(answer.status) \(answer.body.string)")
        }
        while try await EventDispatcher.dispatchPending(app, limit: 1000) > 0 {}
        try await runJobs(app)
    }

    /// The owner pays the first charge by card on Stripe's page, ticking "save my card".
    func payFirstChargeSavingTheCard() async throws -> FakePayments.Paid {
        let charge = try #require(try await charges().first)
        _ = try await owner.get("/t/\(slug)/membership")  // the form's CSRF token
        let started = try await owner.post("/t/\(slug)/membership/charges/\(charge.id!.uuidString.lowercased())/pay",
                                           [("method", "stripe"), ("save_card", "on")])
        let paymentID = try #require(started.location.flatMap { UUID(uuidString: String($0.split(separator: "/").last!)) },
                                     "\(started.status) \(started.body.prefix(800))")
        let payment = try #require(try await Payment.find(paymentID, on: app.db))
        let paid = try await fake.pay(session: try #require(payment.providerPaymentID), outcome: "succeeded")
        try await deliverEvents(after: 0)
        return paid
    }
}

private func withCardWorld(_ body: (CardWorld) async throws -> Void) async throws {
    let fake = try FakePayments()
    defer { fake.stop() }
    let environment = ["STRIPE_SECRET_KEY": FakePayments.stripeKey, "STRIPE_API_URL": fake.baseURL, "STRIPE_WEBHOOK_SECRETS": "whsec_cards"]
    try await withTestApp(paymentEnvironment: environment) { app in
        let clock = TestClock(morning(0))
        app.clock = clock
        let business = try await makeBusiness(app, name: "Bodega Tarjeta", email: "tarjeta@example.pe")
        try await Memberships.start(tenantID: business.id, today: LimaDate(clock.now()), now: clock.now(), registry: app.modules, on: app.db)
        let owner = try await ownerBrowser(app, business)
        try await body(CardWorld(app: app, fake: fake, clock: clock, business: business, owner: owner))
    }
}

extension AllTests.CardOnFileTests {
    /// Paid once by card with "save my card" ticked: the next renewals are charged to the card on
    /// their due day, off-session, with no one on the pay page, and the business stays active.
    @Test func aSavedCardPaysTheNextRenewalOnItsDueDay() async throws {
        try await withCardWorld { world in
            #expect(try await world.day(9).chargesCreated == 1)  // trial ends on day 14
            let paid = try await world.payFirstChargeSavingTheCard()
            let card = try #require(try await BillingCard.query(on: world.app.db).filter(\.$tenantID == world.business.id).first())
            #expect(card.customerRef == paid.customer && card.methodRef == paid.payment_method)
            #expect(card.label == "VISA •••• 4242 (12/2030)")
            #expect(try await world.charges().map(\.state) == [.paid])
            let page = try await world.owner.get("/t/\(world.slug)/membership")
            #expect(page.body.contains("VISA •••• 4242 (12/2030)") && !page.body.contains("name=\"save_card\""))

            // The second period (2026-12-16): its charge appears 5 days ahead, and is charged on the day.
            #expect(try await world.day(39).cardCharges == 0, "not before the due day")
            #expect(try await world.day(44).cardCharges == 1)
            #expect(try await world.charges().map(\.state) == [.paid, .paid])
            #expect(try await world.day(44).cardCharges == 0, "a second sweep the same day charges nothing")
            let sent = try await world.fake.requests().filter { $0.method == "POST" && $0.path == "/v1/payment_intents" }
            let form = try #require(sent.only?.form)
            #expect(form["off_session"] == "true" && form["confirm"] == "true" && form["amount"] == "3000" && form["currency"] == "pen")
            #expect(form["customer"] == paid.customer && form["payment_method"] == paid.payment_method)
            let renewal = try #require(try await world.charges().last)
            let payment = try #require(try await Payment.find(renewal.paymentID, on: world.app.db))
            #expect(payment.provider == .stripe && payment.state == .approved && payment.providerPaymentID?.hasPrefix("pi_") == true)
            #expect(form["metadata[payment_id]"] == payment.id?.uuidString.lowercased())
            let subscription = try #require(try await Subscription.query(on: world.app.db).filter(\.$tenantID == world.business.id).first())
            #expect(subscription.state == .active)
            // The platform's own document for the renewal is queued like any paid charge.
            #expect(try await JobRecord.query(on: world.app.db).filter(\.$kind == "billing.invoice_charge").count() == 2)
        }
    }

    /// A declined card: the owner is told why (with the pay link), the page shows it, the card is
    /// tried once a day up to three times, and paying another way ends the attempts.
    @Test func aDeclinedCardIsRetriedDailyAndTheOwnerIsTold() async throws {
        try await withCardWorld { world in
            try await world.day(9)
            let paid = try await world.payFirstChargeSavingTheCard()
            try await world.fake.setCard(try #require(paid.payment_method), outcome: "card_declined")

            #expect(try await world.day(44).cardCharges == 1)
            #expect(try await world.charges().map(\.state) == [.paid, .open])
            let card = try #require(try await BillingCard.query(on: world.app.db).filter(\.$tenantID == world.business.id).first())
            #expect(card.lastFailure == "16/12/2026: Your card has insufficient funds.")
            let told = try await NotificationMessage.query(on: world.app.db).filter(\.$template == "membership.card_declined").all()
            #expect(told.count == 1 && told[0].bodyText.contains("insufficient funds") && told[0].bodyText.contains("/t/\(world.slug)/membership"))
            let page = try await world.owner.get("/t/\(world.slug)/membership")
            #expect(page.body.contains(#"id="saved-card-failure""#) && page.body.contains("insufficient funds"))

            #expect(try await world.day(45).cardCharges == 1, "tried again the next day")
            #expect(try await world.day(46).cardCharges == 1)
            #expect(try await world.day(47).cardCharges == 0, "three attempts in all")
            let keys = try await Payment.query(on: world.app.db).filter(\.$provider == .stripe).all().map(\.idempotencyKey)
                .filter { $0.contains("-card-") }.sorted()
            #expect(keys.count == 3 && Set(keys).count == 3)
            #expect(try await Subscription.query(on: world.app.db).filter(\.$tenantID == world.business.id).first()?.state == .warning)
        }
    }

    /// A bank that wants the cardholder (3-D Secure) cannot be satisfied off-session: no retries.
    @Test func authenticationRequiredStopsTheAttempts() async throws {
        try await withCardWorld { world in
            try await world.day(9)
            let paid = try await world.payFirstChargeSavingTheCard()
            try await world.fake.setCard(try #require(paid.payment_method), outcome: "authentication_required")
            #expect(try await world.day(44).cardCharges == 1)
            #expect(try await world.day(45).cardCharges == 0)
            #expect(try await world.charges().last?.state == .open)
        }
    }

    /// Without the box ticked no card is kept; "remove card" detaches it at Stripe.
    @Test func noConsentKeepsNoCardAndRemovingDetachesIt() async throws {
        try await withCardWorld { world in
            try await world.day(9)
            let charge = try #require(try await world.charges().first)
            _ = try await world.owner.get("/t/\(world.slug)/membership")
            let started = try await world.owner.post("/t/\(world.slug)/membership/charges/\(charge.id!.uuidString.lowercased())/pay",
                                                     [("method", "stripe")])
            let paymentID = try #require(started.location.flatMap { UUID(uuidString: String($0.split(separator: "/").last!)) })
            let session = try #require(try await Payment.find(paymentID, on: world.app.db)?.providerPaymentID)
            _ = try await world.fake.pay(session: session, outcome: "succeeded")
            try await world.deliverEvents(after: 0)
            #expect(try await world.charges().map(\.state) == [.paid])
            #expect(try await BillingCard.query(on: world.app.db).count() == 0)
            let created = try await world.fake.requests().filter { $0.path == "/v1/checkout/sessions" }.map(\.form)
            #expect(created.only?["customer_creation"] == nil && created.only?["payment_intent_data[setup_future_usage]"] == nil)
        }
        try await withCardWorld { world in
            try await world.day(9)
            let paid = try await world.payFirstChargeSavingTheCard()
            #expect(try await world.fake.customers().only?.payment_methods == [try #require(paid.payment_method)])
            _ = try await world.owner.get("/t/\(world.slug)/membership")
            let removed = try await world.owner.post("/t/\(world.slug)/membership/card/delete", [])
            #expect(removed.location == "/t/\(world.slug)/membership?card=removed")
            #expect(try await world.fake.customers().only?.payment_methods == [])
            #expect(try await BillingCard.query(on: world.app.db).count() == 0)
            #expect(try await world.day(44).cardCharges == 0)
        }
    }
}
