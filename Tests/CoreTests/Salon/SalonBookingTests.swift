import AsyncHTTPClient
@testable import Core
import Fluent
import Foundation
@testable import Invoicing
@testable import Notifications
@testable import Payments
@testable import Salon
import SMTPClient
import Shared
import TestSupport
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct SalonBookingTests {}
}

extension AllTests.SalonBookingTests {
    /// Booked through the API, paid in the sandbox: confirmed, `booking.paid`, a boleta from the
    /// salon to the client mailed with its PDF over real SMTP, and the confirmation queued.
    @Test func aPaidBookingIsConfirmedAndItsBoletaMailed() async throws {
        let sink = try SMTPSink()
        let smtp: (inout NotificationSettings) -> Void = { $0.smtp = try! SMTPSettings(url: sink.url, caFile: sink.certificate) }
        try await withSalon(notifications: smtp) { world in
            let app = world.app
            let created = try await apiPost(app, "/api/v1/salon/bookings", key: world.key, json: world.bookingJSON(world.at("10:00")))
            #expect(created.status == .created, "\(created.text)")
            let booking = try created.json()
            let id = try #require(booking["id"] as? String)
            #expect(booking["state"] as? String == "held" && booking["totalCents"] as? Int == 12000)
            let items = try #require(booking["items"] as? [[String: Any]])
            #expect(items.count == 1 && [world.ana.uuidString, world.bea.uuidString].contains(items.first?["staff"] as? String ?? ""))

            let pay = try await apiPost(app, "/api/v1/salon/bookings/\(id)/pay", key: world.key, json: #"{"method": "sandbox"}"#)
            #expect(pay.status == .created, "\(pay.text)")
            let paymentID = try #require(try pay.json()["paymentID"] as? String).lowercased()
            try await approveInSandbox(app, paymentID)
            try await settle(app)

            let paid = try #require(try await SalonBooking.find(UUID(uuidString: id), on: app.db))
            #expect(paid.state == .confirmed && paid.paidAt != nil && paid.holdUntil == nil)
            let events = try await StoredEvent.query(on: app.db).filter(\.$tenantID == world.business.id).all().map(\.type)
            #expect(events.contains("booking.created") && events.contains("booking.paid"))
            let document = try #require(try await InvoiceRecord.find(paid.documentID, on: app.db))
            #expect(document.documentType == "03" && document.totalCents == 12000 && document.customerName == "Lucía Quispe")
            let templates = try await NotificationMessage.query(on: app.db).filter(\.$tenantID == world.business.id).all().map(\.template)
            #expect(templates.contains("salon.booking_confirmed"))

            let (mails, errors) = try await sink.deliver(app, atLeast: 2)
            let boleta = try #require(mails.first { $0.attachments.contains { ($0.filename ?? "").hasSuffix(".pdf") } },
                                      "\(mails.map(\.subject)), failed deliveries: \(errors)")
            #expect(boleta.envelope_to == ["lucia@example.pe"])
            let pdf = try #require(boleta.attachments.first { ($0.filename ?? "").hasSuffix(".pdf") }?.data)
            let text = try PDFProbe.read(pdf).text.joined(separator: "\n")
            #expect(text.contains("Alisado corto") && text.contains("120.00"), "\(text)")
        }
    }

    /// Each way a time cannot be booked has its status and reason, with alternatives.
    @Test func refusedTimesSayWhyAndOfferOthers() async throws {
        try await withSalon { world in
            let app = world.app
            func refusal(_ json: String) async throws -> (HTTPStatus, String?, Int) {
                let response = try await apiPost(app, "/api/v1/salon/bookings", key: world.key, json: json)
                let body = try response.json()
                return (response.status, body["reason"] as? String, (body["alternatives"] as? [Any])?.count ?? -1)
            }
            let first = try await apiPost(app, "/api/v1/salon/bookings", key: world.key, json: world.bookingJSON(world.at("09:00"), staff: world.ana))
            #expect(first.status == .created)
            let taken = try await refusal(world.bookingJSON(world.at("09:30"), staff: world.ana))
            #expect(taken.0 == .conflict && taken.1 == "taken" && taken.2 > 0)
            #expect(try await refusal(world.bookingJSON(world.at("07:00", on: LimaDate(salonMonday)))).1 == "past")
            #expect(try await refusal(world.bookingJSON(world.at("08:30", on: LimaDate(salonMonday)))).1 == "tooSoon")
            #expect(try await refusal(world.bookingJSON(world.at("10:00"), service: world.corte, staff: world.bea)).1 == "lacksSkill")
            #expect(try await refusal(world.bookingJSON(world.at("10:00", on: salonTuesday.adding(days: 5)))).1 == "dayOff")  // Sunday
            #expect(try await refusal(world.bookingJSON(world.at("12:00"), staff: world.ana)).1 == "outsideHours")  // runs into lunch
            #expect(try await refusal(world.bookingJSON(world.at("10:10"))).1 == "offGrid")
            let tooFar = try await refusal(world.bookingJSON(world.at("10:00", on: salonTuesday.adding(days: 60))))
            #expect(tooFar.0 == .unprocessableEntity && tooFar.1 == "tooFar")

            let noEmail = try await apiPost(app, "/api/v1/salon/bookings", key: world.key,
                                            json: world.bookingJSON(world.at("11:00")).replacingOccurrences(of: "lucia@example.pe", with: "lucia@"))
            let emailError = (try noEmail.json()["fields"] as? [String: String])?["email"]
            #expect(noEmail.status == .unprocessableEntity && emailError != nil)
            let badService = try await apiPost(app, "/api/v1/salon/bookings", key: world.key,
                                               json: #"{"service": "nope", "start": "mañana", "customer": {}}"#)
            let fields = try badService.json()["fields"] as? [String: String] ?? [:]
            #expect(badService.status == .unprocessableEntity && fields["services"] != nil && fields["start"] != nil, "\(badService.text)")
            let unknown = try await apiPost(app, "/api/v1/salon/bookings", key: world.key,
                                            json: world.bookingJSON(world.at("11:00"), service: UUID(), staff: UUID()))
            let unknownFields = try unknown.json()["fields"] as? [String: String] ?? [:]
            #expect(unknown.status == .unprocessableEntity && unknownFields["services"] == "Ese servicio no existe o ya no se ofrece.", "\(unknown.text)")
            #expect(try await SalonBooking.query(on: app.db).count() == 1, "nothing but the first booking was saved")
        }
    }

    /// 50 clients ask for the same time at once, over real HTTP: one gets it, 49 get 409 with
    /// other times.
    @Test func fiftyConcurrentRequestsForOneSlotBookItOnce() async throws {
        try await withSalon { world in
            let app = world.app
            let bodies = (0..<50).map { world.bookingJSON(world.at("10:00"), staff: world.ana, email: "c\($0)@example.pe") }
            let statuses = try await concurrentPOST(app, "/api/v1/salon/bookings", key: world.key, bodies: bodies)
                .map { ($0.status, ($0.json["alternatives"] as? [Any])?.count ?? 0) }
            #expect(statuses.filter { $0.0 == 201 }.count == 1, "\(statuses.map(\.0))")
            #expect(statuses.filter { $0.0 == 409 }.count == 49, "\(statuses.map(\.0))")
            #expect(statuses.filter { $0.0 == 409 }.allSatisfy { $0.1 > 0 }, "every loser is offered other times")
            let items = try await SalonBookingItem.query(on: app.db).filter(\.$blocking == true).all()
            #expect(items.count == 1 && items.first?.stylistID == world.ana)
        }
    }

    /// An unpaid hold keeps the time until it runs out; then the time is free again.
    @Test func anUnpaidHoldExpires() async throws {
        try await withSalon { world in
            let app = world.app
            let path = "/api/v1/salon/availability?service=\(world.alisado.uuidString)&date=2026-12-01&staff=\(world.bea.uuidString)"
            func times() async throws -> [String] {
                let response = try await api(app, .GET, path, key: world.key)
                return (try response.json()["slots"] as? [[String: Any]] ?? []).compactMap { $0["time"] as? String }
            }
            #expect(try await times() == ["09:00", "09:30", "10:00", "10:30", "11:00"])
            _ = try await apiPost(app, "/api/v1/salon/bookings", key: world.key, json: world.bookingJSON(world.at("09:00"), staff: world.bea))
            #expect(try await times() == ["11:00"], "09:00–10:45 is taken, the buffer included")
            world.clock.advance(by: 16 * 60)
            #expect(try await times() == ["09:00", "09:30", "10:00", "10:30", "11:00"], "the hold ran out")
            try await BookingDesk.expireHolds(now: world.clock.now(), on: app.db)
            #expect(try await SalonBooking.query(on: app.db).first()?.state == .expired)
        }
    }

    /// The stylist cancels a paid booking: the client is told with a link, and moves to
    /// another stylist at the same time without paying again; the reminder goes out once.
    @Test func aCancelledPaidBookingIsRebookedWithAnotherStylist() async throws {
        try await withSalon { world in
            let app = world.app
            let created = try await apiPost(app, "/api/v1/salon/bookings", key: world.key, json: world.bookingJSON(world.at("10:00"), staff: world.ana))
            let id = try #require(try created.json()["id"] as? String)
            let pay = try await apiPost(app, "/api/v1/salon/bookings/\(id)/pay", key: world.key, json: #"{"method": "sandbox"}"#)
            try await approveInSandbox(app, try #require(try pay.json()["paymentID"] as? String).lowercased())
            try await settle(app)

            let cancelled = try await apiPost(app, "/api/v1/salon/bookings/\(id)/cancel", key: world.key, json: #"{"reason": "Ana está enferma"}"#)
            let cancelledState = try cancelled.json()["state"] as? String
            #expect(cancelled.status == .ok && cancelledState == "cancelled")
            try await settle(app)
            let notice = try #require(try await NotificationMessage.query(on: app.db).filter(\.$template == "salon.booking_cancelled").first())
            let booking = try #require(try await SalonBooking.find(UUID(uuidString: id), on: app.db))
            #expect(notice.bodyText.contains("/b/\(world.slug)/salon/v/\(booking.token)") && notice.bodyText.contains("Ana está enferma"))

            var moved = try await api(app, .PATCH, "/api/v1/salon/bookings/\(id)", key: world.key,
                                      json: #"{"start": "\#(world.at("10:00"))", "staff": "\#(world.bea.uuidString)"}"#)
            #expect(moved.status == .ok, "\(moved.text)")
            let items = try #require(try moved.json()["items"] as? [[String: Any]])
            let movedState = try moved.json()["state"] as? String
            #expect(items.first?["staff"] as? String == world.bea.uuidString && movedState == "confirmed")
            moved = try await api(app, .PATCH, "/api/v1/salon/bookings/\(id)", key: world.key, json: #"{"start": "\#(world.at("10:00"))", "staff": "nobody"}"#)
            #expect(moved.status == .unprocessableEntity)

            world.clock.advance(by: 2 * 3600)  // 10:00 Monday: the 10:00 Tuesday visit is 24 h away
            for _ in 0..<2 {
                _ = try await JobQueue.enqueue(SalonJobs.remindKind, .init(), runAt: world.clock.now(), on: app.db)
                try await runJobs(app)
            }
            #expect(try await NotificationMessage.query(on: app.db).filter(\.$template == "salon.booking_reminder").count() == 1)
        }
    }
}
