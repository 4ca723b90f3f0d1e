@testable import Core
import Fluent
import Foundation
@testable import Salon
import Shared
import Testing
import Vapor

extension AllTests {
    @Suite struct SalonPagesTests {}
}

extension AllTests.SalonPagesTests {
    /// The whole client journey on the pages: the free times of a day, booking with a
    /// stylist, paying in the sandbox, the booking page; the stylist cancels from the agenda;
    /// the client's page offers other stylists at the same time and one click moves it there.
    @Test func bookPayCancelAndRebookOnThePages() async throws {
        try await withSalon { world in
            let app = world.app
            let client = Browser(app)
            let base = "/b/\(world.slug)/salon"
            let day = try await client.get("\(base)?service=\(world.alisado.uuidString)&staff=\(world.ana.uuidString)&date=2026-12-01")
            #expect(day.status == .ok && day.body.contains(#"value="\#(world.at("09:00"))""#) && !day.body.contains(#"value="\#(world.at("12:00"))""#),
                    "Ana's 12:00 would run into lunch")

            let bad = try await client.post(base, [("service", world.alisado.uuidString), ("staff", world.ana.uuidString), ("date", "2026-12-01"),
                                                   ("start", world.at("10:00")), ("name", "Lucía"), ("email", "lucia@"), ("phone", "12"), ("method", "sandbox")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains(#"id="error-email""#) && bad.body.contains(#"id="error-phone""#))
            let booked = try await client.post(base, [("service", world.alisado.uuidString), ("staff", world.ana.uuidString), ("date", "2026-12-01"),
                                                      ("start", world.at("10:00")), ("name", "Lucía Quispe"), ("email", "lucia@example.pe"),
                                                      ("phone", "987 654 321"), ("method", "sandbox")])
            let payPath = try #require(booked.location, "\(booked.status) \(booked.body.prefix(400))")
            #expect(payPath.hasPrefix("/pay/"))
            try await approveInSandbox(app, String(payPath.dropFirst("/pay/".count)))
            try await settle(app)

            let booking = try #require(try await SalonBooking.query(on: app.db).first())
            var visit = try await client.get("\(base)/v/\(booking.token)")
            #expect(visit.body.contains(#"data-state="confirmed""#) && visit.body.contains(#"id="visit-invoice""#))

            let ana = Browser(app)
            try await signIn(ana, "ana@salon.pe", "clave-segura-123")
            let agenda = try await ana.get("/t/\(world.slug)/salon?date=2026-12-01")
            let id = try booking.requireID().uuidString.lowercased()
            #expect(agenda.body.contains(#"id="booking-\#(id)" data-state="confirmed""#))
            let cancelled = try await ana.post("/t/\(world.slug)/salon/bookings/\(id)/cancel", [("reason", "Ana está enferma")])
            #expect(cancelled.body.contains(#"id="booking-\#(id)" data-state="cancelled""#))
            try await settle(app)

            visit = try await client.get("\(base)/v/\(booking.token)")
            #expect(visit.body.contains(#"id="visit-cancelled""#) && visit.body.contains("Ana está enferma"))
            let sameTimeWithBea = "\(world.at("10:00"))\"><input type=\"hidden\" name=\"staff\" value=\"\(world.bea.uuidString)"
            #expect(visit.body.contains(sameTimeWithBea), "the first choice: same time, Bea")
            let moved = try await client.post("\(base)/v/\(booking.token)/rebook", [("start", world.at("10:00")), ("staff", world.bea.uuidString)])
            #expect(moved.body.contains(#"data-state="confirmed""#) && moved.body.contains(#"id="visit-notice""#))
            let items = try await SalonBookingItem.query(on: app.db).filter(\.$blocking == true).all()
            #expect(items.map(\.stylistID) == [world.bea])
        }
    }
}
