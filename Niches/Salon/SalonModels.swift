import Core
import Fluent
import Foundation
import Shared

/// The salon's booking rules, one row per business. Booking takes this row's lock first, so
/// bookings of one salon are decided one at a time (see docs/decisions/0008-salon-bookings.md).
final class SalonSettings: TenantOwned, @unchecked Sendable {
    static let schema = "salon_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "slot_interval") var slotInterval: Int
    @Field(key: "minimum_notice") var minimumNotice: Int
    @Field(key: "max_days_ahead") var maxDaysAhead: Int
    @Field(key: "hold_minutes") var holdMinutes: Int
    @Field(key: "cancel_window_hours") var cancelWindowHours: Int
    @Field(key: "rules_reviewed") var rulesReviewed: Bool
    @Field(key: "published") var published: Bool
    /// Bumped by every booking decision: the write that takes the lock.
    @Field(key: "lock_count") var lockCount: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(tenantID: UUID, now: Date) {
        self.tenantID = tenantID
        (slotInterval, minimumNotice, maxDaysAhead, holdMinutes, cancelWindowHours) = (30, 60, 30, 15, 24)
        (rulesReviewed, published, lockCount, updatedAt) = (false, false, 0, now)
    }

    func rules(holidays: Set<LimaDate>) -> BookingRules {
        BookingRules(slotInterval: slotInterval, minimumNotice: minimumNotice, maxDaysAhead: maxDaysAhead, holidays: holidays)
    }
}

final class SalonService: TenantOwned, @unchecked Sendable {
    static let schema = "salon_services"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "duration") var duration: Int
    @Field(key: "price_cents") var priceCents: Int64
    @Field(key: "buffer_before") var bufferBefore: Int
    @Field(key: "buffer_after") var bufferAfter: Int
    @Field(key: "skill") var skill: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var price: Money { Money(cents: priceCents) }
    var needs: ServiceNeeds { ServiceNeeds(duration: duration, bufferBefore: bufferBefore, bufferAfter: bufferAfter, skill: skill) }
}

/// A member of the business (role staff or owner) who takes bookings: their skills and week.
final class SalonStylist: TenantOwned, @unchecked Sendable {
    static let schema = "salon_stylists"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    /// Skill names, lowercase, separated by commas.
    @Field(key: "skills") var skillsText: String
    /// `StoredWeek` as JSON.
    @Field(key: "week") var weekJSON: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var skills: Set<String> { Skills.parse(skillsText) }

    var week: StoredWeek {
        get { (try? JSONDecoder().decode(StoredWeek.self, from: Data(weekJSON.utf8))) ?? StoredWeek() }
        set { weekJSON = String(decoding: (try? JSONEncoder.jobs.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }
}

/// A week as saved: hours by weekday number (1 = Sunday), days absent being days off.
struct StoredWeek: Codable, Sendable, Equatable {
    var days: [Int: DayHours] = [:]

    func workingWeek(exceptions: [LimaDate: DayHours?]) -> WorkingWeek {
        WorkingWeek(days: Dictionary(uniqueKeysWithValues: days.compactMap { key, hours in
            Weekday(rawValue: key).map { ($0, hours) }
        }), exceptions: exceptions)
    }
}

enum Skills {
    static func parse(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == "," || $0 == "\n" }).map(normalize).filter { !$0.isEmpty })
    }

    static func normalize<S: StringProtocol>(_ name: S) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

}

/// A date nobody (stylist nil: a holiday of the salon) or one stylist works.
final class SalonClosure: TenantOwned, @unchecked Sendable {
    static let schema = "salon_closures"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "stylist_id") var stylistID: UUID?
    @Field(key: "day") var day: Int

    var date: LimaDate { LimaDate(dayNumber: day) }
    @Field(key: "reason") var reason: String

    init() {}
}

enum BookingState: String, Codable, Sendable, CaseIterable {
    /// Waiting for payment; its time is kept until `holdUntil`.
    case held
    case confirmed
    /// The hold ran out unpaid.
    case expired
    case cancelled
    case refunded
}

/// One client's visit: one or more services, one payment, one boleta.
final class SalonBooking: TenantOwned, @unchecked Sendable {
    static let schema = "salon_bookings"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// The client's capability for their booking page (`/b/{tenant}/salon/v/{token}`).
    @Field(key: "token") var token: String
    @Enum(key: "state") var state: BookingState
    /// Lima minutes (`LimaTime.minutes`) of the first service's start and the last one's end.
    @Field(key: "starts_at") var startsAt: Int
    @Field(key: "ends_at") var endsAt: Int
    @OptionalField(key: "hold_until") var holdUntil: Date?
    @Field(key: "customer_name") var customerName: String
    @Field(key: "customer_email") var customerEmail: String
    @Field(key: "customer_phone") var customerPhone: String
    @OptionalField(key: "customer_ruc") var customerRUC: String?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "total_cents") var totalCents: Int64
    @OptionalField(key: "payment_id") var paymentID: UUID?
    @OptionalField(key: "paid_at") var paidAt: Date?
    @OptionalField(key: "document_id") var documentID: UUID?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    /// "staff", "owner" or "client"; a paid booking cancelled by the salon may be rebooked free.
    @OptionalField(key: "cancelled_by") var cancelledBy: String?
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var start: LimaTime { LimaTime(minutes: startsAt) }
    var end: LimaTime { LimaTime(minutes: endsAt) }
    var total: Money { Money(cents: totalCents) }
    /// Cancelled by the salon after payment: the client may choose another time at no cost.
    var canRebook: Bool { state == .cancelled && cancelledBy != "client" && paidAt != nil }
}

/// One service of a visit, with who does it and the time it blocks (buffers included).
final class SalonBookingItem: TenantOwned, @unchecked Sendable {
    static let schema = "salon_booking_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "booking_id") var bookingID: UUID
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "stylist_id") var stylistID: UUID
    @Field(key: "service_name") var serviceName: String
    @Field(key: "price_cents") var priceCents: Int64
    @Field(key: "starts_at") var startsAt: Int
    @Field(key: "ends_at") var endsAt: Int
    @Field(key: "busy_from") var busyFrom: Int
    @Field(key: "busy_to") var busyTo: Int
    /// Whether the item still takes the stylist's time: false once the booking ends unpaid or
    /// is cancelled. A held item stops counting at `holdUntil` even before the sweep clears it.
    @Field(key: "blocking") var blocking: Bool
    @OptionalField(key: "hold_until") var holdUntil: Date?

    init() {}

    var busy: TimeSpan { TimeSpan(LimaTime(minutes: busyFrom), LimaTime(minutes: busyTo)) }
}
