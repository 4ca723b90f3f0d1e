import Core
import Fluent
import Foundation
import Shared

/// What every booking event carries: enough for a workflow (n8n) to message the client or
/// fill a calendar without calling back.
struct BookingEventData: Codable, Sendable {
    struct Item: Codable, Sendable {
        let service: String
        let stylistID: UUID
        let start: String
        let end: String
    }

    let bookingID: UUID
    let state: String
    let start: String
    let end: String
    let customerName: String
    let customerEmail: String
    let customerPhone: String
    let totalCents: Int64
    let currency: String
    let items: [Item]
    let cancelReason: String?
    let cancelledBy: String?
}

struct BookingCreated: DomainEvent {
    static let eventType = EventType("booking.created", .init(es: "Reserva creada (esperando pago)", en: "Booking created (awaiting payment)"))
    let booking: BookingEventData
}

struct BookingPaid: DomainEvent {
    static let eventType = EventType("booking.paid", .init(es: "Reserva pagada y confirmada", en: "Booking paid and confirmed"))
    let booking: BookingEventData
}

struct BookingCancelled: DomainEvent {
    static let eventType = EventType("booking.cancelled", .init(es: "Reserva cancelada", en: "Booking cancelled"))
    let booking: BookingEventData
}

struct BookingRebooked: DomainEvent {
    static let eventType = EventType("booking.rebooked", .init(es: "Reserva cambiada de hora o estilista", en: "Booking moved"))
    let booking: BookingEventData
}

enum BookingEvents {
    enum Kind { case created, paid, cancelled, rebooked }

    static let types = [BookingCreated.eventType, BookingPaid.eventType, BookingCancelled.eventType, BookingRebooked.eventType]

    static func emit(_ kind: Kind, _ booking: SalonBooking, on db: any Database, now: Date) async throws {
        let data = try await payload(booking, on: db)
        let tenantID = booking.tenantID
        switch kind {
        case .created: try await DomainEvents.emit(BookingCreated(booking: data), tenantID: tenantID, at: now, on: db)
        case .paid: try await DomainEvents.emit(BookingPaid(booking: data), tenantID: tenantID, at: now, on: db)
        case .cancelled: try await DomainEvents.emit(BookingCancelled(booking: data), tenantID: tenantID, at: now, on: db)
        case .rebooked: try await DomainEvents.emit(BookingRebooked(booking: data), tenantID: tenantID, at: now, on: db)
        }
    }

    static func payload(_ booking: SalonBooking, on db: any Database) async throws -> BookingEventData {
        let items = try await BookingDesk.items(of: booking, on: db)
        return BookingEventData(
            bookingID: try booking.requireID(), state: booking.state.rawValue, start: booking.start.iso8601, end: booking.end.iso8601,
            customerName: booking.customerName, customerEmail: booking.customerEmail, customerPhone: booking.customerPhone,
            totalCents: booking.totalCents, currency: "PEN",
            items: items.map { .init(service: $0.serviceName, stylistID: $0.stylistID, start: LimaTime(minutes: $0.startsAt).iso8601,
                                     end: LimaTime(minutes: $0.endsAt).iso8601) },
            cancelReason: booking.cancelReason, cancelledBy: booking.cancelledBy)
    }
}
