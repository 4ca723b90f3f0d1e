import Core
import Fluent
import Foundation
import Invoicing
import Payments
import Shared
import Vapor

/// `/b/{tenant}/salon`: the client's side, no account needed. Choose a service, a day and
/// optionally a stylist, pick a free time, give name, email and mobile, pay; then the
/// booking's own page (`v/{token}`) to see it, cancel it, or choose another time after the
/// salon cancelled.
enum PublicBookingPages {
    static func routes(_ routes: any RoutesBuilder) {
        routes.get(use: booking)
        routes.post(use: book)
        routes.get("my", use: MyBookingsPage.show)
        routes.get("v", ":token", use: visit)
        routes.post("v", ":token", "rebook", use: rebook)
        routes.post("v", ":token", "cancel", use: cancel)
        routes.post("v", ":token", "refund", use: refund)
    }

    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct SlotView: Encodable { let value: String; let time: String; let checked: Bool }

    struct BookingPage: Encodable {
        let services: [Option]
        let staff: [Option]
        let date: String
        let dateText: String
        let previous: String?
        let next: String
        let slots: [SlotView]
        let methods: [Option]
        let name: String
        let email: String
        let phone: String
        let ruc: String
        let errors: [String: String]
        let refusal: String?
    }

    struct Form: Content {
        var service: String?
        var staff: String?
        var date: String?
        var start: String?
        var name: String?
        var email: String?
        var phone: String?
        var ruc: String?
        var method: String?
    }

    @Sendable static func booking(req: Request) async throws -> View {
        guard try await isOpen(req) else { return try await closed(req) }
        return try await render(req, form: try req.query.decode(Form.self))
    }

    /// Until the owner publishes the page, visitors are told the salon does not book online yet.
    static func isOpen(_ req: Request) async throws -> Bool {
        try await SalonCatalog.settings(try req.tenantContext.tenantID, now: req.application.clock.now(), on: req.db).published
    }

    static func closed(_ req: Request) async throws -> View {
        struct Empty: Encodable {}
        return try await req.renderPage("salon/closed", Empty(), title: req.t("salon.book.title"))
    }

    /// The booking form: services, stylists, the chosen day's free times, the client's details.
    static func render(_ req: Request, form: Form, errors: [String: String] = [:], refusal: String? = nil,
                       offered: [LimaTime]? = nil) async throws -> View {
        let context = try req.tenantContext
        let now = req.application.clock.now()
        let today = LimaDate(now)
        let date = form.date.flatMap(LimaDate.parse).map { max($0, today) } ?? today
        let snapshot = try await SalonCatalog.snapshot(context.tenantID, from: date, through: date, now: now, on: req.db)
        let service = form.service.flatMap(UUID.init(uuidString:)).flatMap(snapshot.service) ?? snapshot.services.first
        let stylist = form.staff.flatMap(UUID.init(uuidString:)).flatMap(snapshot.stylist)
        var times = offered ?? []
        if offered == nil, let service {
            times = snapshot.slots(for: service, from: date, through: date, stylist: stylist?.id, now: now).map(\.start)
        }
        let user = req.currentUser
        let methods = try await BookingPayments.methods(context.tenantID, app: req.application, on: req.db)
        let page = BookingPage(
            services: snapshot.services.map { Option(value: $0.id!.uuidString, label: "\($0.name) · \($0.duration) min · \($0.price.formatted)",
                                                     selected: $0.id == service?.id) },
            staff: snapshot.stylists.filter { stylist in service.map { stylist.skills.contains($0.skill) } ?? true }
                .map { Option(value: $0.id!.uuidString, label: $0.name, selected: $0.id == stylist?.id) },
            date: date.iso, dateText: SalonText.day(date, req.language), previous: date > today ? date.adding(days: -1).iso : nil,
            next: date.adding(days: 1).iso,
            slots: times.map { SlotView(value: $0.iso8601, time: $0.clock, checked: $0.iso8601 == form.start) },
            methods: methods.map { Option(value: $0.rawValue, label: req.t("salon.method.\($0.rawValue)"), selected: $0.rawValue == form.method) },
            name: form.name ?? user?.name ?? "", email: form.email ?? user?.email ?? "", phone: form.phone ?? "", ruc: form.ruc ?? "",
            errors: errors, refusal: refusal)
        return try await req.renderPage("salon/book", page, title: "\(req.t("salon.book.title")) · \(context.tenant.displayName)", forms: true)
    }

    /// Holds the time and sends the client to pay; a refusal shows the form again with the
    /// reason and the times still free.
    @Sendable static func book(req: Request) async throws -> Response {
        guard try await isOpen(req) else { return try await closed(req).encodeResponse(status: .conflict, for: req) }
        let form = try req.content.decode(Form.self)
        let context = try req.tenantContext
        do {
            let choice = try BookingInput.choice(services: [form.service ?? ""], start: form.start, staff: form.staff, req)
            let customer = try BookingInput.customer(name: form.name, email: form.email, phone: form.phone, ruc: form.ruc, req)
            guard let method = form.method.flatMap(PaymentProviderID.init(rawValue:)) else {
                throw FieldErrors(["method": req.t("salon.error.method")])
            }
            let booking = try await BookingDesk.hold(choice, for: customer, tenantID: context.tenantID, now: req.application.clock.now(),
                                                     on: req.db)
            let payment = try await BookingPayments.start(booking, with: method, business: context.tenant.displayName, language: req.language,
                                                          app: req.application, on: req.db)
            return req.redirect(to: "/pay/\(try payment.requireID().uuidString.lowercased())")
        } catch let errors as FieldErrors {
            return try await render(req, form: form, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let keys as FieldErrorKeys {
            return try await render(req, form: form, errors: keys.translated(req.language).fields).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refused as BookingRefused {
            var retry = form
            retry.start = nil
            return try await render(req, form: retry, refusal: BookingInput.message(refused.refusal, req))
                .encodeResponse(status: refused.status, for: req)
        }
    }

    struct VisitPage: Encodable {
        struct Line: Encodable { let service: String; let time: String; let stylist: String }
        struct Choice: Encodable { let start: String; let staff: String; let text: String }

        let token: String
        let state: String
        let stateText: String
        let when: String
        let lines: [Line]
        let total: String
        let payHref: String?
        let invoiceHref: String?
        let canCancel: Bool
        let cancelledBySalon: Bool
        let reason: String?
        let choices: [Choice]
        let notice: String?
    }

    @Sendable static func visit(req: Request) async throws -> View {
        try await renderVisit(req, try await booking(req))
    }

    static func renderVisit(_ req: Request, _ booking: SalonBooking, notice: String? = nil) async throws -> View {
        let context = try req.tenantContext
        let now = req.application.clock.now()
        let items = try await BookingDesk.items(of: booking, on: req.db)
        let stylists = try await req.tenantScope.query(SalonStylist.self).all()
        let name = { (id: UUID) in stylists.first { $0.id == id }?.name ?? "" }
        var choices: [VisitPage.Choice] = []
        if booking.canRebook {
            // Whoever cancelled is not offered again: another stylist, or other times.
            let snapshot = try await BookingDesk.snapshot(context.tenantID, around: booking.start, now: now, on: req.db,
                                                          avoiding: Set(items.map(\.stylistID)))
            let needs = items.compactMap { snapshot.service($0.serviceID)?.needs }
            choices = BookingDesk.alternatives(needs, near: booking.start, in: snapshot, now: now).map {
                .init(start: $0.start.iso8601, staff: $0.stylistID.uuidString, text: "\(SalonText.when($0.start, req.language)) · \($0.stylistName)")
            }
        }
        let page = VisitPage(
            token: booking.token, state: booking.state.rawValue, stateText: req.t("salon.state.\(booking.state.rawValue)"),
            when: SalonText.when(booking.start, req.language),
            lines: items.map { .init(service: $0.serviceName, time: SalonText.clock($0.startsAt), stylist: name($0.stylistID)) },
            total: booking.total.formatted,
            payHref: booking.state == .held ? booking.paymentID.map { "/pay/\($0.uuidString.lowercased())" } : nil,
            invoiceHref: try await invoiceHref(booking, on: req.db), canCancel: clientMayCancel(booking, now: now, window: try await window(context.tenantID, req)),
            cancelledBySalon: booking.canRebook, reason: booking.cancelReason, choices: choices, notice: notice)
        return try await req.renderPage("salon/visit", page, title: req.t("salon.visit.title"), forms: true)
    }

    /// The public page of the booking's receipt, once it is issued.
    static func invoiceHref(_ booking: SalonBooking, on db: any Database) async throws -> String? {
        guard let documentID = booking.documentID, let record = try await InvoiceRecord.find(documentID, on: db) else { return nil }
        return "/d/\(record.publicToken)"
    }

    @Sendable static func rebook(req: Request) async throws -> Response {
        struct Choice: Content { var start: String?; var staff: String? }
        let booking = try await booking(req)
        let choice = try req.content.decode(Choice.self)
        guard booking.canRebook, let start = choice.start.flatMap(LimaTime.parse) else {
            throw Abort(.unprocessableEntity, reason: req.t("salon.error.not_movable"))
        }
        do {
            let moved = try await BookingDesk.rebook(booking.requireID(), to: start, stylist: try BookingInput.stylist(choice.staff, req),
                                                     tenantID: booking.tenantID, now: req.application.clock.now(), on: req.db)
            return try await renderVisit(req, moved, notice: req.t("salon.visit.moved")).encodeResponse(for: req)
        } catch let refused as BookingRefused {
            return try await renderVisit(req, booking, notice: BookingInput.message(refused.refusal, req))
                .encodeResponse(status: refused.status, for: req)
        }
    }

    /// The client cancels, up to the salon's window before the start; a paid booking is refunded.
    @Sendable static func cancel(req: Request) async throws -> Response {
        let booking = try await booking(req)
        let now = req.application.clock.now()
        guard clientMayCancel(booking, now: now, window: try await window(booking.tenantID, req)) else {
            throw Abort(.conflict, reason: req.t("salon.error.window"))
        }
        try await BookingDesk.cancel(booking, by: "client", reason: "cancelled by the client", now: now, on: req.db)
        return try await renderVisit(req, booking).encodeResponse(for: req)
    }

    /// After the salon cancelled, the client may take the money back instead of another time.
    @Sendable static func refund(req: Request) async throws -> Response {
        let booking = try await booking(req)
        guard booking.canRebook else { throw Abort(.conflict, reason: req.t("salon.error.not_cancellable")) }
        try await req.db.transaction { tx in
            booking.cancelledBy = "client"
            booking.updatedAt = req.application.clock.now()
            try await booking.save(on: tx)
            try await JobQueue.enqueue(SalonJobs.refundKind, .init(bookingID: booking.requireID()), tenantID: booking.tenantID,
                                       runAt: booking.updatedAt, on: tx)
        }
        return try await renderVisit(req, booking, notice: req.t("salon.visit.refund_requested")).encodeResponse(for: req)
    }

    static func booking(_ req: Request) async throws -> SalonBooking {
        guard let token = req.parameters.get("token"),
              let booking = try await req.tenantScope.query(SalonBooking.self).filter(\.$token == token).first() else {
            throw Abort(.notFound, reason: req.t("salon.error.no_booking"))
        }
        return booking
    }

    static func window(_ tenantID: UUID, _ req: Request) async throws -> Int {
        try await SalonCatalog.settings(tenantID, now: req.application.clock.now(), on: req.db).cancelWindowHours
    }

    static func clientMayCancel(_ booking: SalonBooking, now: Date, window hours: Int) -> Bool {
        (booking.state == .confirmed || booking.state == .held) && booking.start.minutes - LimaTime(now).minutes >= hours * 60
    }
}
