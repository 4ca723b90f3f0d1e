import Core
import Fluent
import Foundation
import Shared
import SQLKit
import Vapor

/// Who the visit is for, already validated.
struct BookingCustomer: Sendable {
    let name: String
    let email: String
    let phone: String
    let ruc: String?
    let userID: UUID?
}

/// What the client asked for: the services in order, the start, and optionally who.
struct BookingChoice: Sendable {
    let services: [UUID]
    let start: LimaTime
    let stylist: UUID?
}

/// Another time (or the same time with someone else) the client could take instead.
struct Alternative: Sendable, Hashable, Encodable {
    let start: LimaTime
    let stylistID: UUID
    let stylistName: String
}

/// The requested time cannot be booked: why, and what could be booked instead.
struct BookingRefused: Error, Sendable {
    let refusal: SlotRefusal
    let alternatives: [Alternative]

    /// Taken is a conflict with someone else's booking; every other reason is bad input.
    var status: HTTPStatus { refusal == .taken ? .conflict : .unprocessableEntity }
}

/// Deciding bookings. Every decision runs in one transaction that first takes the salon's lock
/// (a write to its settings row), then reads the stylists' time and writes the booking: two
/// requests for the same time are decided one after the other, on SQLite and PostgreSQL alike.
enum BookingDesk {
    static let paymentPurpose = "salon.booking"
    static let alternativesDays = 3
    static let alternativesCount = 6

    /// Keeps the time for the client until the hold runs out or they pay.
    static func hold(_ choice: BookingChoice, for customer: BookingCustomer, tenantID: UUID, now: Date,
                     on db: any Database) async throws -> SalonBooking {
        // The lock is an UPDATE of the settings row, so the row must exist before the
        // transaction: made here, outside it, in case nobody has opened the salon's pages yet.
        _ = try await SalonCatalog.settings(tenantID, now: now, on: db)
        return try await db.transaction { tx in
            try await lock(tenantID, on: tx)
            let snapshot = try await snapshot(tenantID, around: choice.start, now: now, on: tx)
            let services = try resolve(choice.services, in: snapshot)
            let plan = try decide(services, choice, in: snapshot, now: now)
            let booking = SalonBooking()
            booking.tenantID = tenantID
            booking.token = RandomToken.make()
            booking.state = .held
            booking.holdUntil = now.addingTimeInterval(TimeInterval(snapshot.settings.holdMinutes * 60))
            booking.customerName = customer.name
            booking.customerEmail = customer.email
            booking.customerPhone = customer.phone
            booking.customerRUC = customer.ruc
            booking.userID = customer.userID
            booking.totalCents = services.reduce(0) { $0 + $1.priceCents }
            (booking.createdAt, booking.updatedAt) = (now, now)
            try await place(booking, plan: plan, services: services, holdUntil: booking.holdUntil, on: tx)
            try await BookingEvents.emit(.created, booking, on: tx, now: now)
            return booking
        }
    }

    /// Moves a booking to another time or stylist: a paid booking the salon cancelled, or a
    /// confirmed one being rescheduled. `avoiding` stylists are not offered (reassignment).
    static func rebook(_ bookingID: UUID, to start: LimaTime, stylist: UUID?, avoiding: Set<UUID> = [], tenantID: UUID,
                       now: Date, on db: any Database) async throws -> SalonBooking {
        try await db.transaction { tx in
            try await lock(tenantID, on: tx)
            let booking = try await TenantScope(tenantID: tenantID, db: tx).require(SalonBooking.self, bookingID)
            guard booking.state == .confirmed || booking.canRebook else { throw Abort(.conflict, reason: "booking.not_movable") }
            let items = try await items(of: booking, on: tx)
            // Its own time does not stand in its way.
            try await release(items, on: tx)
            let snapshot = try await snapshot(tenantID, around: start, now: now, on: tx, avoiding: avoiding)
            let services = try resolve(items.map(\.serviceID), in: snapshot)
            let plan = try decide(services, BookingChoice(services: items.map(\.serviceID), start: start, stylist: stylist),
                                  in: snapshot, now: now)
            try await SalonBookingItem.query(on: tx).filter(\.$bookingID == bookingID).delete()
            booking.state = .confirmed
            (booking.cancelReason, booking.cancelledBy, booking.remindedAt, booking.updatedAt) = (nil, nil, nil, now)
            try await place(booking, plan: plan, services: services, holdUntil: nil, on: tx)
            try await BookingEvents.emit(.rebooked, booking, on: tx, now: now)
            return booking
        }
    }

    /// The salon (`by` staff or owner) or the client cancels: the time is freed at once.
    static func cancel(_ booking: SalonBooking, by who: String, reason: String, now: Date, on db: any Database) async throws {
        guard booking.state == .confirmed || booking.state == .held else { throw Abort(.conflict, reason: "booking.not_cancellable") }
        try await db.transaction { tx in
            booking.state = .cancelled
            (booking.cancelledBy, booking.cancelReason, booking.holdUntil, booking.updatedAt) = (who, reason, nil, now)
            try await booking.save(on: tx)
            try await release(items(of: booking, on: tx), on: tx)
            try await BookingEvents.emit(.cancelled, booking, on: tx, now: now)
        }
    }

    /// Marks a held booking paid. A payment that arrives after the hold ran out still confirms
    /// the booking if nobody took its time meanwhile; otherwise it is refunded (`false`).
    static func confirmPaid(_ bookingID: UUID, paymentID: UUID, tenantID: UUID, now: Date,
                            on db: any Database) async throws -> Bool? {
        try await db.transaction { tx -> Bool? in
            try await lock(tenantID, on: tx)
            guard let booking = try await TenantScope(tenantID: tenantID, db: tx).find(SalonBooking.self, bookingID),
                  booking.state == .held || booking.state == .expired else { return nil }
            let items = try await items(of: booking, on: tx)
            if booking.state == .expired || (booking.holdUntil ?? now) <= now {
                for item in items where try await isTaken(item, tenantID: tenantID, now: now, on: tx) {
                    booking.state = .expired
                    booking.paymentID = paymentID
                    try await booking.save(on: tx)
                    return false
                }
            }
            booking.state = .confirmed
            (booking.paymentID, booking.paidAt, booking.holdUntil, booking.updatedAt) = (paymentID, now, nil, now)
            try await booking.save(on: tx)
            for item in items {
                (item.blocking, item.holdUntil) = (true, nil)
                try await item.save(on: tx)
            }
            try await BookingEvents.emit(.paid, booking, on: tx, now: now)
            return true
        }
    }

    /// Ends unpaid holds whose time ran out (or whose payment failed, `paymentID`).
    @discardableResult
    static func expireHolds(now: Date, paymentID: UUID? = nil, on db: any Database) async throws -> Int {
        var query = SalonBooking.query(on: db).filter(\.$state == .held)
        if let paymentID { query = query.filter(\.$paymentID == paymentID) } else { query = query.filter(\.$holdUntil < now) }
        let due = try await query.all()
        for booking in due {
            booking.state = .expired
            booking.updatedAt = now
            try await booking.save(on: db)
            try await release(items(of: booking, on: db), on: db)
        }
        return due.count
    }

    // MARK: - Parts

    static func lock(_ tenantID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE \(ident: SalonSettings.schema) SET lock_count = lock_count + 1 WHERE tenant_id = \(bind: tenantID)").run()
    }

    static func snapshot(_ tenantID: UUID, around start: LimaTime, now: Date, on db: any Database,
                         avoiding: Set<UUID> = []) async throws -> SalonSnapshot {
        let loaded = try await SalonCatalog.snapshot(tenantID, from: start.date, through: start.date.adding(days: alternativesDays),
                                                     now: now, on: db)
        guard !avoiding.isEmpty else { return loaded }
        return SalonSnapshot(settings: loaded.settings, services: loaded.services, stylists: loaded.stylists,
                             staff: loaded.staff.filter { !avoiding.contains($0.id) }, rules: loaded.rules)
    }

    static func resolve(_ ids: [UUID], in snapshot: SalonSnapshot) throws -> [SalonService] {
        guard !ids.isEmpty else { throw FieldErrorKeys(["services": "salon.error.services"]) }
        return try ids.map { id in
            guard let service = snapshot.service(id) else { throw FieldErrorKeys(["services": "salon.error.no_service"]) }
            return service
        }
    }

    static func decide(_ services: [SalonService], _ choice: BookingChoice, in snapshot: SalonSnapshot,
                       now: Date) throws -> VisitPlan<UUID> {
        if let stylist = choice.stylist, snapshot.stylist(stylist) == nil {
            throw FieldErrorKeys(["staff": "salon.error.staff"])
        }
        let needs = services.map(\.needs)
        switch VisitPlanner.check(needs, at: choice.start, person: choice.stylist, staff: snapshot.staff, rules: snapshot.rules, now: now) {
        case .success(let plan): return plan
        case .failure(let refusal):
            throw BookingRefused(refusal: refusal, alternatives: alternatives(needs, near: choice.start, in: snapshot, now: now))
        }
    }

    /// The same time with anyone qualified first, then the nearest other starts.
    static func alternatives(_ needs: [ServiceNeeds], near start: LimaTime, in snapshot: SalonSnapshot, now: Date) -> [Alternative] {
        let plans = VisitPlanner.plans(for: needs, from: start.date, through: start.date.adding(days: alternativesDays),
                                       staff: snapshot.staff, rules: snapshot.rules, now: now)
        let nearest = plans.sorted { abs($0.start.minutes - start.minutes) < abs($1.start.minutes - start.minutes) }
        return nearest.prefix(alternativesCount).compactMap { plan in
            guard let first = plan.items.first else { return nil }
            return Alternative(start: plan.start, stylistID: first.staff, stylistName: snapshot.stylist(first.staff)?.name ?? "")
        }
    }

    static func place(_ booking: SalonBooking, plan: VisitPlan<UUID>, services: [SalonService], holdUntil: Date?,
                      on db: any Database) async throws {
        booking.startsAt = plan.start.minutes
        booking.endsAt = plan.items.map(\.end.minutes).max() ?? plan.start.minutes
        try await booking.save(on: db)
        for item in plan.items {
            let row = SalonBookingItem()
            row.tenantID = booking.tenantID
            row.bookingID = try booking.requireID()
            row.serviceID = try services[item.service].requireID()
            row.stylistID = item.staff
            row.serviceName = services[item.service].name
            row.priceCents = services[item.service].priceCents
            (row.startsAt, row.endsAt) = (item.start.minutes, item.end.minutes)
            (row.busyFrom, row.busyTo) = (item.occupied.start.minutes, item.occupied.end.minutes)
            (row.blocking, row.holdUntil) = (true, holdUntil)
            try await row.create(on: db)
        }
    }

    static func items(of booking: SalonBooking, on db: any Database) async throws -> [SalonBookingItem] {
        try await SalonBookingItem.query(on: db).filter(\.$bookingID == booking.requireID()).sort(\.$startsAt).all()
    }

    static func release(_ items: [SalonBookingItem], on db: any Database) async throws {
        for item in items where item.blocking {
            item.blocking = false
            try await item.save(on: db)
        }
    }

    /// Whether another booking holds any of this item's stylist's time.
    static func isTaken(_ item: SalonBookingItem, tenantID: UUID, now: Date, on db: any Database) async throws -> Bool {
        let others = try await TenantScope(tenantID: tenantID, db: db).query(SalonBookingItem.self)
            .filter(\.$stylistID == item.stylistID).filter(\.$blocking == true)
            .filter(\.$bookingID != item.bookingID)
            .filter(\.$busyTo > item.busyFrom).filter(\.$busyFrom < item.busyTo).all()
        return others.contains { $0.holdUntil.map { $0 > now } ?? true }
    }
}
