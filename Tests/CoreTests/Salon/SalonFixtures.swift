@testable import Core
import Fluent
import Foundation
import Notifications
@testable import Salon
import Shared
import Vapor

/// Monday 30/11/2026 08:00 in Lima: the tests book Tuesday 01/12.
let salonMonday = LimaTime(LimaDate(year: 2026, month: 11, day: 30)!, minuteOfDay: 8 * 60).instant
let salonTuesday = LimaDate(year: 2026, month: 12, day: 1)!

/// A salon with two stylists: Ana (alisado and corte, 09:00–18:00 with lunch 13:00–14:00,
/// Monday to Saturday) and Bea (alisado only, 09:00–13:00), and two services.
struct SalonWorld {
    let app: Application
    let clock: TestClock
    let business: Business
    let key: String
    let alisado: UUID
    let corte: UUID
    let ana: UUID
    let bea: UUID

    var slug: String { business.slug }

    func at(_ clock: String, on date: LimaDate = salonTuesday) -> String {
        LimaTime(date, minuteOfDay: DayHours.Range.minute(clock)!).iso8601
    }

    func bookingJSON(_ start: String, service: UUID? = nil, staff: UUID? = nil, email: String = "lucia@example.pe") -> String {
        let staffField = staff.map { #""staff": "\#($0.uuidString)", "# } ?? ""
        return #"{"service": "\#((service ?? alisado).uuidString)", "start": "\#(start)", \#(staffField)"customer": {"name": "Lucía Quispe", "email": "\#(email)", "phone": "987654321"}}"#
    }
}

func withSalon(notifications: (inout NotificationSettings) -> Void = { _ in }, _ body: (SalonWorld) async throws -> Void) async throws {
    try await withTestApp(modules: [NotesModule(), SalonModule()], notifications: notifications) { app in
        try await body(try await makeSalonWorld(app))
    }
}

func makeSalonWorld(_ app: Application) async throws -> SalonWorld {
    let clock = TestClock(salonMonday)
    app.clock = clock
    let business = try await makeBusiness(app, name: "Salón Rosa", email: "rosa@salon.pe", modules: ["salon"])
    let key = try await makeAPIKey(app, business)
    let scope = TenantScope(tenantID: business.id, db: app.db)
    func service(_ name: String, minutes: Int, cents: Int64, after: Int, skill: String) async throws -> UUID {
        let row = SalonService()
        (row.tenantID, row.name, row.duration, row.priceCents) = (business.id, name, minutes, cents)
        (row.bufferBefore, row.bufferAfter, row.skill, row.active, row.createdAt) = (0, after, skill, true, salonMonday)
        try await scope.create(row)
        return try row.requireID()
    }
    func stylist(_ email: String, _ name: String, skills: String, close: String, lunch: Bool) async throws -> UUID {
        let user = try await addMember(app, to: business, email: email, role: .staff)
        let row = SalonStylist()
        (row.tenantID, row.userID, row.name, row.skillsText, row.active, row.createdAt) = (business.id, try user.requireID(), name, skills, true, salonMonday)
        let hours = DayHours(open: .init(9 * 60, DayHours.Range.minute(close)!), breaks: lunch ? [.init(13 * 60, 14 * 60)] : [])
        row.week = StoredWeek(days: Dictionary(uniqueKeysWithValues: (2...7).map { ($0, hours) }))
        try await scope.create(row)
        return try row.requireID()
    }
    let settings = try await SalonCatalog.settings(business.id, now: salonMonday, on: app.db)
    (settings.rulesReviewed, settings.published) = (true, true)
    try await settings.save(on: app.db)
    return SalonWorld(
        app: app, clock: clock, business: business, key: key,
        alisado: try await service("Alisado corto", minutes: 90, cents: 12000, after: 15, skill: "alisado"),
        corte: try await service("Corte", minutes: 30, cents: 3500, after: 0, skill: "corte"),
        ana: try await stylist("ana@salon.pe", "Ana", skills: "alisado, corte", close: "18:00", lunch: true),
        bea: try await stylist("bea@salon.pe", "Bea", skills: "Alisado", close: "13:00", lunch: false))
}

/// Dispatches events and runs jobs until both are quiet, as the worker would.
func settle(_ app: Application) async throws {
    for _ in 0..<6 {
        while try await EventDispatcher.dispatchPending(app, limit: 1000) > 0 {}
        try await runJobs(app)
    }
}

/// The payer approves on the sandbox provider's page.
func approveInSandbox(_ app: Application, _ paymentID: String) async throws {
    let payer = Browser(app)
    try await payer.get("/pay/sandbox/\(paymentID)")
    try await payer.post("/pay/sandbox/\(paymentID)/approve", [])
}
