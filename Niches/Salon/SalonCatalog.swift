import Core
import Fluent
import Foundation
import Shared

/// What availability is decided from, loaded for one salon and a range of dates: its rules, its
/// services and stylists, and each stylist's time already taken.
struct SalonSnapshot: Sendable {
    let settings: SalonSettings
    let services: [SalonService]
    let stylists: [SalonStylist]
    let staff: [Bookable<UUID>]
    let rules: BookingRules

    func service(_ id: UUID) -> SalonService? { services.first { $0.id == id } }
    func stylist(_ id: UUID) -> SalonStylist? { stylists.first { $0.id == id } }

    /// Free starts of `service` between two dates, for one stylist or anyone qualified.
    func slots(for service: SalonService, from first: LimaDate, through last: LimaDate, stylist: UUID?, now: Date) -> [Slot<UUID>] {
        let people = stylist.map { id in staff.filter { $0.id == id } } ?? staff
        return Availability.slots(for: service.needs, from: first, through: last, staff: people, rules: rules, now: now)
    }
}

enum SalonCatalog {
    /// The salon's settings row, made with the defaults the first time.
    static func settings(_ tenantID: UUID, now: Date, on db: any Database) async throws -> SalonSettings {
        if let found = try await SalonSettings.query(on: db).filter(\.$tenantID == tenantID).first() { return found }
        let made = SalonSettings(tenantID: tenantID, now: now)
        do {
            try await made.create(on: db)
            return made
        } catch {
            guard let found = try await SalonSettings.query(on: db).filter(\.$tenantID == tenantID).first() else { throw error }
            return found
        }
    }

    /// Everything needed to offer or check times between `first` and `last` (Lima dates).
    static func snapshot(_ tenantID: UUID, from first: LimaDate, through last: LimaDate, now: Date,
                         on db: any Database) async throws -> SalonSnapshot {
        let scope = TenantScope(tenantID: tenantID, db: db)
        let settings = try await settings(tenantID, now: now, on: db)
        let services = try await scope.query(SalonService.self).filter(\.$active == true).sort(\.$name).all()
        let stylists = try await scope.query(SalonStylist.self).filter(\.$active == true).sort(\.$name).all()
        let closures = try await scope.query(SalonClosure.self)
            .filter(\.$day >= first.dayNumber - 1).filter(\.$day <= last.dayNumber + 1).all()
        let window = (LimaTime(first, minuteOfDay: 0).minutes - 1440, LimaTime(last, minuteOfDay: 0).minutes + 2 * 1440)
        let items = try await scope.query(SalonBookingItem.self).filter(\.$blocking == true)
            .filter(\.$busyTo > window.0).filter(\.$busyFrom < window.1).all()
            .filter { $0.holdUntil.map { $0 > now } ?? true }
        let busy = Dictionary(grouping: items, by: \.stylistID)
        let holidays = Set(closures.filter { $0.stylistID == nil }.map(\.date))
        let staff = stylists.compactMap { stylist -> Bookable<UUID>? in
            guard let id = stylist.id else { return nil }
            let daysOff = closures.filter { $0.stylistID == id }.map { ($0.date, DayHours?.none) }
            return Bookable(id: id, skills: stylist.skills,
                            week: stylist.week.workingWeek(exceptions: Dictionary(daysOff, uniquingKeysWith: { first, _ in first })),
                            busy: busy[id, default: []].map(\.busy))
        }
        return SalonSnapshot(settings: settings, services: services, stylists: stylists, staff: staff,
                             rules: settings.rules(holidays: holidays))
    }
}
