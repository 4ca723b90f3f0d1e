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

public struct MembershipWarning: DomainEvent {
    public static let eventType = EventType("membership.warning", .init(es: "Membresía vencida: aviso", en: "Membership overdue: warning"))
    let data: MembershipEventData
    public func encode(to encoder: any Encoder) throws { try data.encode(to: encoder) }
}

public struct MembershipReadOnly: DomainEvent {
    public static let eventType = EventType("membership.read_only", .init(es: "Membresía vencida: solo lectura", en: "Membership overdue: read-only"))
    let data: MembershipEventData
    public func encode(to encoder: any Encoder) throws { try data.encode(to: encoder) }
}

public struct MembershipBlocked: DomainEvent {
    public static let eventType = EventType("membership.blocked", .init(es: "Membresía vencida: bloqueada", en: "Membership overdue: blocked"))
    let data: MembershipEventData
    public func encode(to encoder: any Encoder) throws { try data.encode(to: encoder) }
}

public struct MembershipCancelled: DomainEvent {
    public static let eventType = EventType("membership.cancelled", .init(es: "Membresía cancelada (datos conservados)", en: "Membership cancelled (data kept)"))
    let data: MembershipEventData
    public func encode(to encoder: any Encoder) throws { try data.encode(to: encoder) }
}

public struct MembershipReactivated: DomainEvent {
    public static let eventType = EventType("membership.reactivated", .init(es: "Membresía reactivada", en: "Membership reactivated"))
    let data: MembershipEventData
    public func encode(to encoder: any Encoder) throws { try data.encode(to: encoder) }
}

public struct MembershipActivated: DomainEvent {
    public static let eventType = EventType("membership.activated", .init(es: "Membresía activa (fin de la prueba)", en: "Membership active (trial over)"))
    let data: MembershipEventData
    public func encode(to encoder: any Encoder) throws { try data.encode(to: encoder) }
}

enum MembershipEvents {
    static let types = [MembershipWarning.eventType, MembershipReadOnly.eventType, MembershipBlocked.eventType,
                        MembershipCancelled.eventType, MembershipReactivated.eventType, MembershipActivated.eventType]

    static func emit(_ change: DunningSweep.Change, amountDue: Money?, at now: Date, on db: any Database) async throws {
        let data = MembershipEventData(tenant_id: change.tenantID, from: change.from.rawValue, to: change.to.rawValue,
                                       amount_due: amountDue.map { DecimalText.fixed($0.decimal, scale: 2) })
        let tenant = change.tenantID
        switch change.to {
        case .warning: try await DomainEvents.emit(MembershipWarning(data: data), tenantID: tenant, at: now, on: db)
        case .readOnly: try await DomainEvents.emit(MembershipReadOnly(data: data), tenantID: tenant, at: now, on: db)
        case .blocked: try await DomainEvents.emit(MembershipBlocked(data: data), tenantID: tenant, at: now, on: db)
        case .cancelled: try await DomainEvents.emit(MembershipCancelled(data: data), tenantID: tenant, at: now, on: db)
        case .active, .trial:
            if change.from.severity > 0 {
                try await DomainEvents.emit(MembershipReactivated(data: data), tenantID: tenant, at: now, on: db)
            } else if change.from == .trial {
                try await DomainEvents.emit(MembershipActivated(data: data), tenantID: tenant, at: now, on: db)
            }
        }
    }
}
