@testable import Core
import Fluent
import Foundation
@testable import Salon
import Shared
import Testing
import Vapor

extension AllTests {
    @Suite struct SalonCatalogPagesTests {}
}

/// A salon set up from nothing by its owner on the pages, the way the onboarding steps lead:
/// services from templates, a stylist with skills, her week, the rules, publishing.
extension AllTests.SalonCatalogPagesTests {
    @Test func ownerSetsUpTheSalonStepByStepAndTheWizardFollows() async throws {
        try await withTestApp(modules: [SalonModule()]) { app in
            app.clock = TestClock(salonMonday)
            let business = try await makeBusiness(app, name: "Salón Lila", email: "lila@salon.pe", modules: ["salon"])
            let staffUser = try await addMember(app, to: business, email: "carla@salon.pe", role: .staff)
            let owner = Browser(app)
            try await signIn(owner, "lila@salon.pe", "clave-segura-123")
            let base = "/t/\(business.slug)/salon"
            func stepsDone() async throws -> Int {
                try await SalonOnboarding.steps.asyncCount { try await $0.isComplete(business.id, app.db) }
            }
            let wizard = try await owner.get("/t/\(business.slug)/onboarding")
            #expect(["services", "staff", "schedules", "rules", "publish"].allSatisfy {
                wizard.body.contains("/t/\(business.slug)/onboarding/salon.salon-\($0)")
            }, "the wizard lists the salon's steps")
            let step = try await owner.get("/t/\(business.slug)/onboarding/salon.salon-services")
            #expect(step.body.contains(#"<a class="button" href="\#(base)/services" id="step-open-page">"#), "and opens their pages")
            #expect(try await stepsDone() == 0)
            let visitor = Browser(app)
            let closed = try await visitor.get("/b/\(business.slug)/salon")
            #expect(closed.status == .ok && closed.body.contains(#"id="closed""#) && !closed.body.contains(#"id="salon-form""#))

            let early = try await owner.post("\(base)/rules/publish", [("published", "1")])
            #expect(early.status == .unprocessableEntity && early.body.contains(#"id="error-published""#))

            _ = try await owner.get("\(base)/services")
            let added = try await owner.post("\(base)/services/templates", [("template_alisado_corto", "on"), ("template_corte", "on")])
            #expect(added.status == .seeOther || added.status == .found)
            let services = try await SalonService.query(on: app.db).sort(\.$name).all()
            #expect(services.map(\.name) == ["Alisado corto", "Corte"] && services[0].priceCents == 15000 && services[0].bufferAfter == 15)
            let badService = try await owner.post("\(base)/services", [("name", "Tinte"), ("duration", "3"), ("price", "-5"), ("skill", "tinte")])
            #expect(badService.status == .unprocessableEntity && badService.body.contains(#"id="error-duration""#)
                && badService.body.contains(#"id="error-price""#) && badService.body.contains("de 5 a 720"))
            _ = try await owner.post("\(base)/services/\(services[0].id!.uuidString.lowercased())",
                                     [("name", "Alisado corto"), ("duration", "90"), ("price", "S/ 130.50"), ("buffer_after", "15"), ("skill", "Alisado")])
            let alisado = try #require(try await SalonService.find(services[0].id, on: app.db))
            #expect(alisado.duration == 90 && alisado.priceCents == 13050 && alisado.skill == "alisado")
            #expect(try await stepsDone() == 1)

            _ = try await owner.get("\(base)/staff")
            let noSkills = try await owner.post("\(base)/staff", [("user", try staffUser.requireID().uuidString), ("skills", " , ")])
            #expect(noSkills.status == .unprocessableEntity && noSkills.body.contains(#"id="error-skills""#))
            let created = try await owner.post("\(base)/staff", [("user", try staffUser.requireID().uuidString), ("skills", "Alisado, corte")])
            let stylistPath = try #require(created.location)
            #expect(try await stepsDone() == 2, "skills given, no hours yet")

            _ = try await owner.get(stylistPath)
            var week = [("open_2", "on"), ("from_2", "09:00"), ("to_2", "18:00"), ("breaks_2", "13:00-14:00"),
                        ("open_3", "on"), ("from_3", "09:00"), ("to_3", "13:00"), ("breaks_3", "12:30-13:30")]
            let refused = try await owner.post("\(stylistPath)/week", week)
            #expect(refused.status == .unprocessableEntity && refused.body.contains(#"id="error-day_3""#)
                && refused.body.contains("El descanso debe estar dentro del horario.") && !refused.body.contains(#"id="error-day_2""#))
            #expect(try await SalonStylist.query(on: app.db).first()?.week.days.isEmpty == true, "nothing of a refused week is saved")
            week[5...7] = [("from_3", "14:00"), ("to_3", "10:00"), ("breaks_3", "")]
            let backwards = try await owner.post("\(stylistPath)/week", week)
            #expect(backwards.status == .unprocessableEntity && backwards.body.contains("La hora de salida debe ser después de la de entrada."))
            week[5...6] = [("from_3", "09:00"), ("to_3", "13:00")]
            _ = try await owner.post("\(stylistPath)/week", week)
            let stylist = try #require(try await SalonStylist.query(on: app.db).first())
            #expect(stylist.week.days[2] == DayHours(open: .init(540, 1080), breaks: [.init(780, 840)]) && stylist.week.days[3] == DayHours(open: .init(540, 780)))
            #expect(stylist.week.days.count == 2 && stylist.skills == ["alisado", "corte"])
            #expect(try await stepsDone() == 3)

            // Tuesday 01/12 is a day off: no times that day; Monday 07/12 still has them.
            let offDay = try await owner.post("\(stylistPath)/days-off", [("day", "01/12/2026"), ("reason", "Cita médica")])
            #expect(offDay.status == .seeOther || offDay.status == .found)
            let pastDay = try await owner.post("\(stylistPath)/days-off", [("day", "2026-11-01")])
            #expect(pastDay.status == .unprocessableEntity && pastDay.body.contains(#"id="error-day""#))

            let badRules = try await owner.post("\(base)/rules", [("slot_interval", "0"), ("minimum_notice", "60"), ("max_days_ahead", "30"),
                                                                  ("hold_minutes", "15"), ("cancel_window_hours", "abc")])
            #expect(badRules.status == .unprocessableEntity && badRules.body.contains(#"id="error-slot_interval""#)
                && badRules.body.contains(#"id="error-cancel_window_hours""#))
            #expect(try await stepsDone() == 3, "refused rules are not reviewed")
            _ = try await owner.post("\(base)/rules", [("slot_interval", "60"), ("minimum_notice", "60"), ("max_days_ahead", "30"),
                                                      ("hold_minutes", "20"), ("cancel_window_hours", "12")])
            #expect(try await stepsDone() == 4)
            _ = try await owner.post("\(base)/rules/publish", [("published", "1")])
            #expect(try await stepsDone() == 5)

            let tuesday = try await visitor.get("/b/\(business.slug)/salon?service=\(alisado.id!.uuidString)&date=2026-12-01")
            #expect(tuesday.body.contains(#"id="no-slots""#))
            let monday = try await visitor.get("/b/\(business.slug)/salon?service=\(alisado.id!.uuidString)&date=2026-12-07")
            let mondayTimes = ["09:00", "10:00", "11:00", "14:00", "15:00", "16:00"].map { LimaTime(LimaDate(year: 2026, month: 12, day: 7)!, minuteOfDay: DayHours.Range.minute($0)!).iso8601 }
            #expect(mondayTimes.allSatisfy { monday.body.contains(#"value="\#($0)""#) } && monday.body.components(separatedBy: #"name="start""#).count - 1 == 6,
                    "hourly, 90 min + 15 after, around lunch: 09, 10, 11, 14, 15, 16")
        }
    }

    @Test func staffCannotChangeTheCatalogue() async throws {
        try await withSalon { world in
            let ana = Browser(world.app)
            try await signIn(ana, "ana@salon.pe", "clave-segura-123")
            for path in ["services", "staff", "rules"] {
                #expect(try await ana.get("/t/\(world.slug)/salon/\(path)").status == .forbidden)
            }
            #expect(try await ana.get("/t/\(world.slug)/salon").status == .ok)
        }
    }

    /// A signed-in client sees their own bookings and receipts; a visitor is asked to sign in.
    @Test func myBookingsListsTheSignedInClientsOwn() async throws {
        try await withSalon { world in
            let app = world.app
            let client = Browser(app)
            _ = try await addMember(app, to: try await makeBusiness(app, name: "Otra", email: "x@otra.pe"), email: "lucia@cliente.pe", role: .customer)
            try await signIn(client, "lucia@cliente.pe", "clave-segura-123")
            let base = "/b/\(world.slug)/salon"
            _ = try await client.get(base)
            let booked = try await client.post(base, [("service", world.alisado.uuidString), ("date", "2026-12-01"), ("start", world.at("10:00")),
                                                      ("name", "Lucía"), ("email", "lucia@cliente.pe"), ("phone", "987654321"), ("method", "sandbox")])
            try await approveInSandbox(app, String(try #require(booked.location).dropFirst("/pay/".count)))
            try await settle(app)
            let guest = try await apiPost(app, "/api/v1/salon/bookings", key: world.key, json: world.bookingJSON(world.at("15:00"), email: "otra@example.pe"))
            #expect(guest.status == .created)
            let mine = try await client.get("\(base)/my")
            #expect(mine.body.contains("Alisado corto") && mine.body.contains("Confirmada") && mine.body.contains(#"class="invoice-link""#))
            #expect(mine.body.components(separatedBy: #"class="open-booking""#).count - 1 == 1, "the guest's booking at 15:00 is not hers")
            let visitor = try await Browser(app).get("\(base)/my")
            #expect(visitor.body.contains(#"id="sign-in""#) && !visitor.body.contains("Alisado corto"))
        }
    }
}

extension Sequence {
    func asyncCount(_ predicate: (Element) async throws -> Bool) async rethrows -> Int {
        var count = 0
        for element in self where try await predicate(element) { count += 1 }
        return count
    }
}
