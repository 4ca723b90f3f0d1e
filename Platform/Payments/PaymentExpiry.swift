import Core
import Fluent
import Foundation

/// The expiry sweep: a payment still pending (or a voucher still unreviewed) when its
/// provider's window closes becomes `expired`, and `payment.expired` tells the module that
/// asked to release what it held (a booking slot, say). Runs every five minutes.
public enum PaymentExpiry {
    struct Payload: Codable, Sendable {}
    static let kind = JobKind<Payload>("payments.expire")

    static var handler: JobHandler {
        JobHandler(kind) { _, context in
            _ = try await expireDue(now: context.now, on: context.db)
        }
    }

    static var schedule: ScheduledJob {
        ScheduledJob("payments.expire", .every(minutes: 5), kind: kind, payload: Payload())
    }

    /// Expires every due payment, each in its own transaction so that one failure does not
    /// hold back the others; returns how many changed. A payment approved meanwhile is left
    /// alone by the ledger's conditional update.
    @discardableResult
    public static func expireDue(now: Date, on db: any Database) async throws -> Int {
        let due = try await Payment.query(on: db)
            .filter(\.$state ~~ [.pending, .claimed])
            .filter(\.$expiresAt < now)
            .all()
        var expired = 0
        for payment in due {
            let outcome = try await db.transaction { tx in
                try await PaymentLedger.transition(payment, to: .expired, reason: "not paid in time", raw: nil, now: now, on: tx)
            }
            if case .changed = outcome { expired += 1 }
        }
        return expired
    }
}
