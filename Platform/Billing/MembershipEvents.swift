import Core
import Fluent
import Foundation
import Shared

/// What every membership event says.
public struct MembershipEventData: Codable, Sendable, Equatable {
    public let tenant_id: UUID
    public let from: String
    public let to: String
    public let amount_due: String?
}

public struct MembershipWarning: PayloadEvent {
    public static let eventType = EventType("membership.warning", .init(es: "Membresía vencida: aviso", en: "Membership overdue: warning"))
    public let data: MembershipEventData
}

public struct MembershipReadOnly: PayloadEvent {
    public static let eventType = EventType("membership.read_only", .init(es: "Membresía vencida: solo lectura", en: "Membership overdue: read-only"))
    public let data: MembershipEventData
}

public struct MembershipBlocked: PayloadEvent {
    public static let eventType = EventType("membership.blocked", .init(es: "Membresía vencida: bloqueada", en: "Membership overdue: blocked"))
    public let data: MembershipEventData
}

public struct MembershipCancelled: PayloadEvent {
    public static let eventType = EventType("membership.cancelled", .init(es: "Membresía cancelada (datos conservados)", en: "Membership cancelled (data kept)"))
    public let data: MembershipEventData
}

public struct MembershipReactivated: PayloadEvent {
    public static let eventType = EventType("membership.reactivated", .init(es: "Membresía reactivada", en: "Membership reactivated"))
    public let data: MembershipEventData
}

public struct MembershipReminder: PayloadEvent {
    public static let eventType = EventType("membership.reminder", .init(es: "Recordatorio de pago de la membresía", en: "Membership payment reminder"))
    public let data: MembershipEventData
}

public struct MembershipActivated: PayloadEvent {
    public static let eventType = EventType("membership.activated", .init(es: "Membresía activa (fin de la prueba)", en: "Membership active (trial over)"))
    public let data: MembershipEventData
}

enum MembershipEvents {
    static let types = [MembershipReminder.eventType, MembershipWarning.eventType, MembershipReadOnly.eventType, MembershipBlocked.eventType,
                        MembershipCancelled.eventType, MembershipReactivated.eventType, MembershipActivated.eventType]

    /// The events of many changes, one multi-row INSERT per event type, in `db`'s transaction.
    /// Their messages go out when the events are dispatched (`MembershipNotices.subscriber`).
    static func emit(_ changes: [DunningSweep.Change], at now: Date, on db: any Database) async throws {
        let data = { (change: DunningSweep.Change) in
            (MembershipEventData(tenant_id: change.tenantID, from: change.from.rawValue, to: change.to.rawValue, amount_due: nil), change.tenantID)
        }
        func batch<E: DomainEvent>(_ make: (MembershipEventData) -> E, _ filter: (DunningSweep.Change) -> Bool) async throws {
            let items = changes.filter(filter).map { change -> (event: E, tenantID: UUID?) in
                let (payload, tenant) = data(change)
                return (make(payload), tenant)
            }
            try await DomainEvents.emitAll(items, at: now, on: db)
        }
        try await batch({ MembershipWarning(data: $0) }, { $0.to == .warning })
        try await batch({ MembershipReadOnly(data: $0) }, { $0.to == .readOnly })
        try await batch({ MembershipBlocked(data: $0) }, { $0.to == .blocked })
        try await batch({ MembershipCancelled(data: $0) }, { $0.to == .cancelled })
        try await batch({ MembershipReactivated(data: $0) }, { $0.to.severity == 0 && $0.from.severity > 0 })
        try await batch({ MembershipActivated(data: $0) }, { $0.to == .active && $0.from == .trial })
    }

    static func reminders(_ tenantIDs: [UUID], stage: MembershipStage, at now: Date, on db: any Database) async throws {
        let items = tenantIDs.map { id -> (event: MembershipReminder, tenantID: UUID?) in
            (MembershipReminder(data: MembershipEventData(tenant_id: id, from: stage.rawValue, to: stage.rawValue, amount_due: nil)), id)
        }
        try await DomainEvents.emitAll(items, at: now, on: db)
    }
}
