import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/salon`: the agenda by day or week, each booking with who, what and its state;
/// staff cancel with a reason (the client is told, with other times), the owner reassigns to
/// another stylist at the same time.
enum AgendaPages {
    static func routes(_ pages: any RoutesBuilder) {
        pages.get(use: agenda)
        pages.post("bookings", ":booking", "cancel", use: cancel)
        pages.post("bookings", ":booking", "reassign", use: reassign)
    }

    struct Row: Encodable {
        let id: String
        let time: String
        let client: String
        let phone: String
        let services: String
        let state: String
        let stateText: String
        let active: Bool
    }

    struct Day: Encodable { let title: String; let rows: [Row] }

    struct Page: Encodable {
        let date: String
        let week: Bool
        let previous: String
        let next: String
        let days: [Day]
        let publicLink: String
        let canReassign: Bool
        let notice: String?
    }

    @Sendable static func agenda(req: Request) async throws -> View {
        try req.require(SalonModule.agenda)
        return try await render(req, date: nil, notice: nil)
    }

    /// The agenda of `date` (else the query's, else today); after a change, the booking's day.
    static func render(_ req: Request, date: LimaDate?, notice: String?) async throws -> View {
        struct Query: Decodable { var date: String?; var view: String? }
        let query = try req.query.decode(Query.self)
        let context = try req.tenantContext
        let first = date ?? query.date.flatMap(LimaDate.parse) ?? LimaDate(req.application.clock.now())
        let week = query.view == "week"
        let count = week ? 7 : 1
        let bookings = try await req.tenantScope.query(SalonBooking.self)
            .filter(\.$startsAt >= LimaTime(first, minuteOfDay: 0).minutes)
            .filter(\.$startsAt < LimaTime(first.adding(days: count), minuteOfDay: 0).minutes)
            .filter(\.$state ~~ [.held, .confirmed, .cancelled]).sort(\.$startsAt).all()
        let ids = try bookings.map { try $0.requireID() }
        let items = ids.isEmpty ? [] : try await req.tenantScope.query(SalonBookingItem.self).filter(\.$bookingID ~~ ids).all()
        let stylists = try await req.tenantScope.query(SalonStylist.self).all()
        let name = { (id: UUID) in stylists.first { $0.id == id }?.name ?? "" }
        let days = (0..<count).map { offset -> Day in
            let date = first.adding(days: offset)
            let rows = bookings.filter { $0.start.date == date }.map { booking in
                Row(id: booking.id!.uuidString.lowercased(), time: "\(booking.start.clock)–\(booking.end.clock)", client: booking.customerName,
                    phone: booking.customerPhone,
                    services: items.filter { $0.bookingID == booking.id }.map { "\($0.serviceName) (\(name($0.stylistID)))" }.joined(separator: ", "),
                    state: booking.state.rawValue, stateText: req.t("salon.state.\(booking.state.rawValue)"),
                    active: booking.state == .confirmed || booking.state == .held)
            }
            return Day(title: SalonText.day(date, req.language), rows: rows)
        }
        let page = Page(date: first.iso, week: week, previous: first.adding(days: -count).iso, next: first.adding(days: count).iso,
                        days: days, publicLink: "\(req.application.config.baseURL)/b/\(context.tenant.slug)/salon",
                        canReassign: context.has(SalonModule.manage.id, registry: req.application.modules), notice: notice)
        return try await req.renderPage("salon/agenda", page, title: req.t("salon.agenda.title"), forms: true)
    }

    @Sendable static func cancel(req: Request) async throws -> Response {
        try req.require(SalonModule.agenda)
        let booking = try await SalonAPI.booking(req)
        struct Form: Content { var reason: String? }
        let reason = try req.content.decode(Form.self).reason?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !reason.isEmpty else { throw FieldErrors(["reason": req.t("field.required")]) }
        let context = try req.tenantContext
        let who = context.has(SalonModule.manage.id, registry: req.application.modules) ? "owner" : "staff"
        try await BookingDesk.cancel(booking, by: who, reason: reason, now: req.application.clock.now(), on: req.db)
        return try await render(req, date: booking.start.date, notice: req.t("salon.agenda.cancelled")).encodeResponse(for: req)
    }

    /// Same time, another stylist with the skills: the client keeps their time and is told.
    @Sendable static func reassign(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let booking = try await SalonAPI.booking(req)
        let current = Set(try await BookingDesk.items(of: booking, on: req.db).map(\.stylistID))
        do {
            _ = try await BookingDesk.rebook(booking.requireID(), to: booking.start, stylist: nil, avoiding: current, tenantID: booking.tenantID,
                                             now: req.application.clock.now(), on: req.db)
            return try await render(req, date: booking.start.date, notice: req.t("salon.agenda.reassigned")).encodeResponse(for: req)
        } catch let refused as BookingRefused {
            return try await render(req, date: booking.start.date, notice: BookingInput.message(refused.refusal, req)).encodeResponse(status: refused.status, for: req)
        }
    }
}
