import Core
import Fluent
import Foundation

/// The payload every payment event carries: enough for the module that asked (purpose and
/// reference) and for a webhook consumer (amount, provider) to act without a lookup.
public struct PaymentEventData: Codable, Sendable, Equatable {
    public let paymentID: UUID
    public let purpose: String
    public let reference: String
    public let provider: String
    public let amountCents: Int64
    public let currency: String
    public let reason: String?

    init(_ payment: Payment) throws {
        paymentID = try payment.requireID()
        purpose = payment.purpose
        reference = payment.reference
        provider = payment.provider.rawValue
        amountCents = payment.amountCents
        currency = payment.currency
        reason = payment.failureReason
    }
}

public struct PaymentApproved: DomainEvent {
    public static let eventType = EventType("payment.approved", .init(es: "Pago aprobado", en: "Payment approved"))
    public let payment: PaymentEventData
}

public struct PaymentRejected: DomainEvent {
    public static let eventType = EventType("payment.rejected", .init(es: "Pago rechazado", en: "Payment rejected"))
    public let payment: PaymentEventData
}

public struct PaymentRefunded: DomainEvent {
    public static let eventType = EventType("payment.refunded", .init(es: "Pago devuelto", en: "Payment refunded"))
    public let payment: PaymentEventData
}

/// A pending payment nobody paid in time: whatever it held (a booking slot) is released.
public struct PaymentExpired: DomainEvent {
    public static let eventType = EventType("payment.expired", .init(es: "Pago vencido", en: "Payment expired"))
    public let payment: PaymentEventData
}

enum PaymentEvents {
    static let types = [PaymentApproved.eventType, PaymentRejected.eventType, PaymentRefunded.eventType,
                        PaymentExpired.eventType]

    /// Emits the event for a payment that just reached `state`, in `db`'s transaction.
    static func emit(for payment: Payment, now: Date, on db: any Database) async throws {
        let data = try PaymentEventData(payment)
        let tenantID = payment.tenantID
        switch payment.state {
        case .approved: try await DomainEvents.emit(PaymentApproved(payment: data), tenantID: tenantID, at: now, on: db)
        case .rejected: try await DomainEvents.emit(PaymentRejected(payment: data), tenantID: tenantID, at: now, on: db)
        case .refunded: try await DomainEvents.emit(PaymentRefunded(payment: data), tenantID: tenantID, at: now, on: db)
        case .expired: try await DomainEvents.emit(PaymentExpired(payment: data), tenantID: tenantID, at: now, on: db)
        case .pending, .claimed: break
        }
    }
}
