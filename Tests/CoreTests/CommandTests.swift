@testable import Core
import Fluent
@testable import Minimarket
@testable import Salon
import Shared
import Testing
import VaporTesting

extension AllTests {
    @Suite struct CommandTests {}
}

extension AllTests.CommandTests {
    @Test func seedDemoCreatesABusinessWhoseOwnerCanLogIn() async throws {
        try await withTestApp(modules: [NotesModule(), SalonModule()]) { app in
            PlatformCommands.register(on: app)
            let output = try await runCommand(app, ["seed-demo", "--if-empty"])

            #expect(output.contains("Login: demo@multinicho.pe / demo-multinicho"))
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == "bodega-dona-rosa").first())
            #expect(try await TenantLoader.enabledModules(of: tenant.requireID(), on: app.db) == ["notes", "salon"])
            let browser = Browser(app)
            #expect(try await signIn(browser, "demo@multinicho.pe", "demo-multinicho").status == .seeOther)
            let dashboard = try await browser.get("/t/\(tenant.slug)").body
            #expect(dashboard.contains("Bodega Doña Rosa"))
            #expect(!dashboard.contains(#"id="setup-reminder""#), "a demo is ready to look at, not to set up")

            let again = try await runCommand(app, ["seed-demo", "--if-empty"])
            #expect(again.contains("not seeded"))
            #expect(try await Tenant.query(on: app.db).count() == 2)
        }
    }

    /// The salon's examples are a business of their own that takes bookings at once: published,
    /// stylists who sign in, and a booking paid in the sandbox gets its boleta.
    @Test func seedDemoOpensASalonThatTakesPaidBookings() async throws {
        try await withTestApp(modules: [NotesModule(), SalonModule()]) { app in
            app.clock = TestClock(salonMonday)
            PlatformCommands.register(on: app)
            let output = try await runCommand(app, ["seed-demo"])
            #expect(output.contains("/b/salon-rosa/salon") && output.contains("Stylist login: ana@salon-rosa.pe / demo-multinicho"))
            let salon = try #require(try await Tenant.query(on: app.db).filter(\.$slug == "salon-rosa").first())
            let salonID = try salon.requireID()
            #expect(try await TenantLoader.enabledModules(of: salonID, on: app.db) == ["salon"])
            let settings = try #require(try await SalonSettings.query(on: app.db).filter(\.$tenantID == salonID).first())
            #expect(settings.published && settings.rulesReviewed)
            let services = try await SalonService.query(on: app.db).filter(\.$tenantID == salonID).all()
            #expect(Set(services.map(\.name)) == ["Alisado corto", "Alisado largo", "Keratina", "Nanoplastia", "Corte", "Tinte"])
            let stylists = try await SalonStylist.query(on: app.db).filter(\.$tenantID == salonID).sort(\.$name).all()
            #expect(stylists.map(\.name) == ["Ana Torres", "Bea Flores", "Rosa Quispe"])
            let owners = try await TenantMember.query(on: app.db).filter(\.$role == .owner).all()
            #expect(Set(owners.map(\.$user.id)).count == 1 && owners.count == 2, "the demo owner owns both businesses")

            let ana = Browser(app)
            #expect(try await signIn(ana, "ana@salon-rosa.pe", "demo-multinicho").status == .seeOther)
            #expect(try await ana.get("/t/salon-rosa/salon?date=2026-12-01").status == .ok)

            let alisado = try #require(services.first { $0.name == "Alisado corto" }?.requireID().uuidString)
            let ten = LimaTime(salonTuesday, minuteOfDay: 10 * 60).iso8601
            let client = Browser(app)
            let day = try await client.get("/b/salon-rosa/salon?service=\(alisado)&date=2026-12-01")
            #expect(day.body.contains(#"value="\#(ten)""#))
            let booked = try await client.post("/b/salon-rosa/salon", [
                ("service", alisado), ("staff", try stylists[0].requireID().uuidString), ("date", "2026-12-01"), ("start", ten),
                ("name", "Lucía Quispe"), ("email", "lucia@example.pe"), ("phone", "987654321"), ("method", "sandbox")])
            let payPath = try #require(booked.location, "\(booked.status) \(booked.body.prefix(400))")
            try await approveInSandbox(app, String(payPath.dropFirst("/pay/".count)))
            try await settle(app)
            let booking = try #require(try await SalonBooking.query(on: app.db).filter(\.$tenantID == salonID).first())
            #expect(booking.state == .confirmed && booking.documentID != nil, "paid, with its boleta")
        }
    }

    @Test func createAdminMakesAPlatformAdmin() async throws {
        try await withTestApp { app in
            PlatformCommands.register(on: app)
            _ = try await runCommand(app, ["create-admin", "--email", "Jefa@Multinicho.pe", "--password", "clave-admin-123"])
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "jefa@multinicho.pe").first())
            #expect(admin.isPlatformAdmin)

            await #expect(throws: (any Error).self) {
                try await runCommand(app, ["create-admin", "--email", "otro@multinicho.pe", "--password", "corta"])
            }
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }
}

extension AllTests.CommandTests {
    /// The demo bodega's shelf is stocked: a barcode from the seed sells at once.
    @Test func seedDemoStocksTheBodegaThatSellsAtOnce() async throws {
        try await withTestApp(modules: [MinimarketModule()]) { app in
            PlatformCommands.register(on: app)
            let output = try await runCommand(app, ["seed-demo"])
            #expect(output.contains("Demo till:"))
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == "bodega-dona-rosa").first())
            let products = try await MarketProduct.query(on: app.db).filter(\.$tenantID == tenant.requireID()).all()
            #expect(products.count == MarketDemo.shelf.count && products.allSatisfy { $0.stockMilli > 0 })
            let owner = try #require(try await User.query(on: app.db).filter(\.$email == "demo@multinicho.pe").first())
            let business = Business(tenant: tenant, owner: owner, password: "demo-multinicho")
            let key = try await makeAPIKey(app, business)
            let sale = try await apiPost(app, "/api/v1/minimarket/sales", key: key, json: #"{"client_id": "demo-sale-1", "lines": [{"barcode": "7750182002363", "quantity": "2"}], "payments": [{"method": "cash", "amount": "5.00"}]}"#)
            #expect(sale.status == .created, "\(sale.text)")
        }
    }
}
