import Core
import Fluent
import SQLKit
import Vapor

/// The one place payment states change. Two walls keep a payment from changing twice:
/// a provider event id is recorded once (a replayed webhook finds it and stops), and the state
/// update is conditional on the state it comes from (two different webhooks approving the same
/// payment at once: one update matches, the other finds nothing to change). The event is
/// emitted in the same transaction as the change, so there is exactly one per change.
public enum PaymentLedger {
    public enum Outcome: Equatable, Sendable {
        /// The payment moved to a new state; its event was emitted.
        case changed(UUID, PaymentState)
        /// The payment was already there or past it: nothing changed.
        case unchanged
        /// This provider event was applied before.
        case replayed
        /// No payment matches the update.
        case unknownPayment
    }

    /// Applies a provider's news. Safe to call concurrently with the same or other updates.
    ///
    /// The payment is looked up before the transaction so that the transaction's first
    /// statement is a write: on SQLite, a transaction that read first and then writes while
    /// another holds the write lock fails at once with "database is locked" instead of waiting.
    /// With `tenantID`, only that business's payments can change (a webhook on its own URL).
    public static func apply(
        _ update: PaymentUpdate, provider: PaymentProviderID, tenantID: UUID? = nil, now: Date, on db: any Database
    ) async throws -> Outcome {
        guard let payment = try await find(update, provider: provider, on: db),
              tenantID == nil || payment.tenantID == tenantID else { return .unknownPayment }
        return try await db.transaction { tx in
            if let eventID = update.eventID {
                guard try await record(eventID, provider: provider, paymentID: payment.requireID(), now: now, on: tx) else {
                    return .replayed
                }
            }
            return try await transition(payment, to: update.state, reason: update.reason, raw: update.raw,
                                        providerPaymentID: update.providerPaymentID, now: now, on: tx)
        }
    }

    /// Moves `payment` to `state` if the state it is in allows it, and emits the event.
    /// Call inside a transaction (the change and its event commit together), before reading
    /// anything in it (see `apply`).
    public static func transition(
        _ payment: Payment, to state: PaymentState, reason: String?, raw: String?, providerPaymentID: String? = nil,
        now: Date, on db: any Database
    ) async throws -> Outcome {
        let id = try payment.requireID()
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "payments need SQL") }
        let from = PaymentState.predecessors(of: state).map(\.rawValue)
        guard !from.isEmpty else { return .unchanged }
        let rows = try await sql.raw("""
            UPDATE payments SET state = \(bind: state.rawValue), updated_at = \(bind: now),
                failure_reason = \(bind: reason), raw_payload = COALESCE(\(bind: raw), raw_payload),
                provider_payment_id = COALESCE(provider_payment_id, \(bind: providerPaymentID))
            WHERE id = \(bind: id) AND state IN (\(binds: from))
            RETURNING id
            """).all()
        guard !rows.isEmpty else { return .unchanged }
        guard let fresh = try await Payment.find(id, on: db) else { return .unknownPayment }
        try await PaymentEvents.emit(for: fresh, now: now, on: db)
        return .changed(id, state)
    }

    private static func find(_ update: PaymentUpdate, provider: PaymentProviderID, on db: any Database) async throws -> Payment? {
        if let id = update.paymentID, let payment = try await Payment.find(id, on: db), payment.provider == provider {
            return payment
        }
        guard let providerID = update.providerPaymentID else { return nil }
        return try await Payment.query(on: db).filter(\.$provider == provider)
            .filter(\.$providerPaymentID == providerID).first()
    }

    /// Records a provider event id; false when it was recorded before. `ON CONFLICT DO
    /// NOTHING` rather than catching the unique violation, because on PostgreSQL a failed
    /// statement aborts the whole transaction.
    private static func record(
        _ eventID: String, provider: PaymentProviderID, paymentID: UUID, now: Date, on db: any Database
    ) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return true }
        let rows = try await sql.raw("""
            INSERT INTO payment_provider_events (id, provider, event_id, payment_id, received_at)
            VALUES (\(bind: UUID()), \(bind: provider.rawValue), \(bind: eventID), \(bind: paymentID), \(bind: now))
            ON CONFLICT (provider, event_id) DO NOTHING
            RETURNING id
            """).all()
        return !rows.isEmpty
    }
}
