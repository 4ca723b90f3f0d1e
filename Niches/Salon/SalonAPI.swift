import Core
import Fluent
import Foundation
import Payments
import Shared
import Vapor

/// `/api/v1/salon`: availability, services, stylists and bookings (create, read, move, pay,
/// cancel). Documented in Resources/OpenAPI/openapi.json.
enum SalonAPI {
    static func routes(_ api: any RoutesBuilder) {
        api.get("availability", use: availability)
        api.get("services", use: services)
        api.get("staff", use: staff)
        let bookings = api.grouped("bookings")
        bookings.get(use: list)
        bookings.post(use: create)
        bookings.get(":booking", use: show)
        bookings.patch(":booking", use: move)
        bookings.post(":booking", "pay", use: pay)
        bookings.post(":booking", "cancel", use: cancel)
    }

    struct ServiceOut: Content {
        let id: UUID
        let name: String
        let durationMinutes: Int
        let priceCents: Int64
        let price: String
        let bufferBeforeMinutes: Int
        let bufferAfterMinutes: Int
        let skill: String

        init(_ service: SalonService) throws {
            (id, name, durationMinutes, priceCents) = (try service.requireID(), service.name, service.duration, service.priceCents)
            (price, bufferBeforeMinutes, bufferAfterMinutes, skill) = (service.price.decimalText, service.bufferBefore, service.bufferAfter, service.skill)
        }
    }

    struct StylistOut: Content {
        let id: UUID
        let name: String
        let skills: [String]
    }

    struct SlotOut: Content {
        let start: String
        let time: String
        let staff: [UUID]
    }

    struct AvailabilityOut: Content {
        let service: UUID
        let date: String
        let staff: UUID?
        let slots: [SlotOut]
    }

    @Sendable static func services(req: Request) async throws -> [ServiceOut] {
        try req.require(CorePermission.tenantRead)
        return try await req.tenantScope.query(SalonService.self).filter(\.$active == true).sort(\.$name).all().map(ServiceOut.init)
    }

    @Sendable static func staff(req: Request) async throws -> [StylistOut] {
        try req.require(CorePermission.tenantRead)
        return try await req.tenantScope.query(SalonStylist.self).filter(\.$active == true).sort(\.$name).all()
            .map { StylistOut(id: try $0.requireID(), name: $0.name, skills: $0.skills.sorted()) }
    }

    /// `?service=&date=&staff=&days=`: free starts for one service from `date` (default today)
    /// for `days` days (default 1, at most 31), for one stylist or anyone qualified.
    @Sendable static func availability(req: Request) async throws -> AvailabilityOut {
        try req.require(CorePermission.tenantRead)
        struct Query: Decodable { var service: String?; var date: String?; var staff: String?; var days: String? }
        let query = try req.query.decode(Query.self)
        let now = req.application.clock.now()
        var errors = FieldErrors()
        let serviceID = query.service.flatMap(UUID.init(uuidString:))
        if serviceID == nil { errors["service"] = req.t("salon.error.service") }
        let date = query.date.map { LimaDate.parse($0) } ?? LimaDate(now)
        if date == nil { errors["date"] = req.t("salon.error.date") }
        let days = query.days.map { Int($0) } ?? 1
        if days == nil || !(1...31).contains(days!) { errors["days"] = req.t("salon.error.days") }
        try errors.throwIfAny()
        let stylist = try BookingInput.stylist(query.staff, req)
        let offer = try await SalonOffer.slots(serviceID!, from: date!, days: days!, stylist: stylist, tenantID: req.tenantContext.tenantID,
                                               now: now, on: req.db, req)
        return AvailabilityOut(service: serviceID!, date: date!.iso, staff: stylist,
                               slots: offer.map { SlotOut(start: $0.start.iso8601, time: $0.start.clock, staff: $0.staff) })
    }

    struct BookingIn: Content {
        var services: [String]?
        var service: String?
        var start: String?
        var staff: String?
        var customer: CustomerIn?
    }

    struct CustomerIn: Content {
        var name: String?
        var email: String?
        var phone: String?
        var ruc: String?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(SalonModule.book)
        let input = try body(BookingIn.self, req)
        let choice = try BookingInput.choice(services: input.services ?? input.service.map { [$0] } ?? [], start: input.start,
                                             staff: input.staff, req)
        let customer = try BookingInput.customer(name: input.customer?.name, email: input.customer?.email, phone: input.customer?.phone,
                                                 ruc: input.customer?.ruc, req)
        let context = try req.tenantContext
        do {
            let booking = try await BookingDesk.hold(choice, for: customer, tenantID: context.tenantID, now: req.application.clock.now(),
                                                     on: req.db)
            return try await BookingOut.make(booking, req).encodeResponse(status: .created, for: req)
        } catch let refused as BookingRefused {
            return try refusal(refused, req)
        }
    }

    /// 409 (taken) or 422 (any other reason) with the reason and what could be booked instead.
    static func refusal(_ refused: BookingRefused, _ req: Request) throws -> Response {
        struct Body: Content {
            let error: String
            let code: String
            let reason: String
            let alternatives: [AlternativeOut]
        }
        let body = Body(error: BookingInput.message(refused.refusal, req),
                        code: refused.refusal == .taken ? "slot_taken" : "slot_unavailable", reason: refused.refusal.rawValue,
                        alternatives: refused.alternatives.map(AlternativeOut.init))
        let response = Response(status: refused.status)
        try response.content.encode(body, using: JSONEncoder.api)
        return response
    }

    struct AlternativeOut: Content {
        let start: String
        let staff: UUID
        let staffName: String

        init(_ alternative: Alternative) {
            (start, staff, staffName) = (alternative.start.iso8601, alternative.stylistID, alternative.stylistName)
        }
    }

    @Sendable static func list(req: Request) async throws -> [BookingOut] {
        try req.require(SalonModule.agenda)
        struct Query: Decodable { var date: String?; var state: String? }
        let query = try req.query.decode(Query.self)
        var builder = try req.tenantScope.query(SalonBooking.self).sort(\.$startsAt)
        if let text = query.date {
            guard let date = LimaDate.parse(text) else { throw FieldErrors(["date": req.t("salon.error.date")]) }
            builder = builder.filter(\.$startsAt >= LimaTime(date, minuteOfDay: 0).minutes)
                .filter(\.$startsAt < LimaTime(date.adding(days: 1), minuteOfDay: 0).minutes)
        }
        if let text = query.state {
            guard let state = BookingState(rawValue: text) else { throw FieldErrors(["state": req.t("salon.error.state")]) }
            builder = builder.filter(\.$state == state)
        }
        var out: [BookingOut] = []
        for booking in try await builder.limit(500).all() { out.append(try await BookingOut.make(booking, req)) }
        return out
    }

    @Sendable static func show(req: Request) async throws -> BookingOut {
        try req.require(SalonModule.agenda)
        return try await BookingOut.make(try await booking(req), req)
    }

    /// Moves a confirmed booking (or a paid one the salon cancelled) to `start` and optionally `staff`.
    @Sendable static func move(req: Request) async throws -> Response {
        try req.require(SalonModule.book)
        let input = try body(BookingIn.self, req)
        let booking = try await booking(req)
        guard let start = input.start.flatMap(LimaTime.parse) else { throw FieldErrors(["start": req.t("salon.error.start")]) }
        let stylist = try BookingInput.stylist(input.staff, req)
        guard booking.state == .confirmed || booking.canRebook else {
            throw APIError(.conflict, code: "invalid_state", message: req.t("salon.error.not_movable"))
        }
        do {
            let moved = try await BookingDesk.rebook(booking.requireID(), to: start, stylist: stylist, tenantID: booking.tenantID,
                                                     now: req.application.clock.now(), on: req.db)
            return try await BookingOut.make(moved, req).encodeResponse(for: req)
        } catch let refused as BookingRefused {
            return try refusal(refused, req)
        }
    }

    struct PayIn: Content { var method: String? }

    struct PaymentOut: Content {
        let paymentID: UUID
        let state: String
        let payURL: String
    }

    @Sendable static func pay(req: Request) async throws -> Response {
        try req.require(SalonModule.book)
        let booking = try await booking(req)
        let input = try body(PayIn.self, req)
        guard let method = input.method.flatMap(PaymentProviderID.init(rawValue:)) else {
            throw FieldErrors(["method": req.t("salon.error.method")])
        }
        let payment = try await BookingPayments.start(booking, with: method, business: try req.tenantContext.tenant.displayName, language: req.language,
                                                      app: req.application, on: req.db)
        let id = try payment.requireID()
        return try await PaymentOut(paymentID: id, state: payment.state.rawValue,
                                    payURL: "\(req.application.config.baseURL)/pay/\(id.uuidString.lowercased())")
            .encodeResponse(status: .created, for: req)
    }

    struct CancelIn: Content { var reason: String? }

    @Sendable static func cancel(req: Request) async throws -> BookingOut {
        try req.require(SalonModule.book)
        let booking = try await booking(req)
        let reason = try body(CancelIn.self, req).reason?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !reason.isEmpty else { throw FieldErrors(["reason": req.t("field.required")]) }
        guard booking.state == .confirmed || booking.state == .held else {
            throw APIError(.conflict, code: "invalid_state", message: req.t("salon.error.not_cancellable"))
        }
        try await BookingDesk.cancel(booking, by: "staff", reason: reason, now: req.application.clock.now(), on: req.db)
        return try await BookingOut.make(booking, req)
    }

    /// The JSON body, with none at all read as `{}`: the fields it lacks are then named (422) like
    /// any other missing field, instead of Vapor's bare 422 or its English 415 "no content type".
    static func body<Input: Content>(_ type: Input.Type, _ req: Request) throws -> Input {
        if let data = req.body.data, data.readableBytes > 0 { return try req.content.decode(Input.self) }
        return try JSONDecoder().decode(Input.self, from: Data("{}".utf8))
    }

    static func booking(_ req: Request) async throws -> SalonBooking {
        guard let id = req.parameters.get("booking", as: UUID.self),
              let booking = try await req.tenantScope.find(SalonBooking.self, id) else {
            throw APIError(.notFound, code: "not_found", message: req.t("salon.error.no_booking"))
        }
        return booking
    }
}

/// A booking as the API shows it. Amounts are céntimos and, like the rest of the API, a
/// two-decimal string (`total`, "120.00"): the "S/ 120.00" of the pages is for people.
struct BookingOut: Content {
    struct Customer: Content { let name: String; let email: String; let phone: String; let ruc: String? }
    struct Item: Content {
        let service: UUID
        let serviceName: String
        let staff: UUID
        let start: String
        let end: String
        let priceCents: Int64
    }

    let id: UUID
    let state: String
    let start: String
    let end: String
    let holdUntil: Date?
    let customer: Customer
    let items: [Item]
    let totalCents: Int64
    let total: String
    let paymentID: UUID?
    let documentID: UUID?
    let cancelReason: String?
    let cancelledBy: String?
    let manageURL: String

    static func make(_ booking: SalonBooking, _ req: Request) async throws -> BookingOut {
        let items = try await BookingDesk.items(of: booking, on: req.db)
        let slug = try req.tenantContext.tenant.slug
        return BookingOut(
            id: try booking.requireID(), state: booking.state.rawValue, start: booking.start.iso8601, end: booking.end.iso8601,
            holdUntil: booking.state == .held ? booking.holdUntil : nil,
            customer: .init(name: booking.customerName, email: booking.customerEmail, phone: booking.customerPhone, ruc: booking.customerRUC),
            items: items.map { .init(service: $0.serviceID, serviceName: $0.serviceName, staff: $0.stylistID,
                                     start: LimaTime(minutes: $0.startsAt).iso8601, end: LimaTime(minutes: $0.endsAt).iso8601,
                                     priceCents: $0.priceCents) },
            totalCents: booking.totalCents, total: booking.total.decimalText, paymentID: booking.paymentID, documentID: booking.documentID,
            cancelReason: booking.cancelReason, cancelledBy: booking.cancelledBy,
            manageURL: "\(req.application.config.baseURL)/b/\(slug)/salon/v/\(booking.token)")
    }
}

/// Free starts for the pages and the API.
enum SalonOffer {
    static func slots(_ serviceID: UUID, from date: LimaDate, days: Int, stylist: UUID?, tenantID: UUID, now: Date,
                      on db: any Database, _ req: Request) async throws -> [Slot<UUID>] {
        let snapshot = try await SalonCatalog.snapshot(tenantID, from: date, through: date.adding(days: days - 1), now: now, on: db)
        guard let service = snapshot.service(serviceID) else { throw FieldErrors(["service": req.t("salon.error.service")]) }
        if let stylist, snapshot.stylist(stylist) == nil { throw FieldErrors(["staff": req.t("salon.error.staff")]) }
        return snapshot.slots(for: service, from: date, through: date.adding(days: days - 1), stylist: stylist, now: now)
    }
}
