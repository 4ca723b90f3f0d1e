import Core
import Fluent
import Foundation
import Shared
import SQLKit

/// Creates the charge of every period that starts within `Memberships.leadDays`, in batches:
/// one SELECT, one multi-row INSERT and a few UPDATEs per 1,000 memberships. Renewal advances
/// from the period's own start (not from a payment date) with month ends clamped
/// (`BillingPeriod.advance`); a unique (subscription, period start) makes it idempotent.
enum ChargeCreation {
    struct Due: Decodable {
        let id: UUID
        let tenant_id: UUID
        let period: String
        let next_due_day: Int
        let next_period_end_day: Int
        let renewal_cents: Int64
    }

    static func run(now: Date, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let horizon = LimaDate(now).dayNumber + Memberships.leadDays
        var created = 0
        while true {
            let due = try await sql.raw("""
                SELECT id, tenant_id, period, next_due_day, next_period_end_day, renewal_cents FROM \(ident: Subscription.schema)
                WHERE next_due_day <= \(bind: horizon) AND state <> 'cancelled' ORDER BY next_due_day LIMIT 1000
                """).all(decoding: Due.self)
            if due.isEmpty { return created }
            let batch = due
            // Read before the transaction, whose first statement must be a write (SQLite).
            let addons = Dictionary(grouping: try await BillingAddon.query(on: db).filter(\.$tenantID ~~ batch.map(\.tenant_id)).all(),
                                    by: \.tenantID)
            try await db.transaction { tx -> Void in
                guard let sql = tx as? any SQLDatabase else { return }
                // The plan's charge ("" module) and one per add-on, each its own to pay.
                var insert = sql.insert(into: MembershipCharge.schema)
                    .columns("id", "tenant_id", "subscription_id", "module_id", "period_start_day", "period_end_day", "grace_days",
                             "amount_cents", "state", "created_at")
                for row in batch {
                    let months = Int64(BillingPeriod(rawValue: row.period)?.months ?? 1)
                    let lines = [("", row.renewal_cents)] + (addons[row.tenant_id] ?? []).map { ($0.moduleID, $0.monthlyCents * months) }
                    for (module, cents) in lines {
                        insert = insert.values(SQLBind(UUID()), SQLBind(row.tenant_id), SQLBind(row.id), SQLBind(module),
                                               SQLBind(row.next_due_day), SQLBind(row.next_period_end_day), SQLBind(0), SQLBind(cents),
                                               SQLBind(ChargeState.open.rawValue), SQLBind(now))
                    }
                }
                try await insert.ignoringConflicts(with: ["subscription_id", "period_start_day", "module_id"]).run()
                // The next period: one UPDATE per distinct (period, end) among the batch.
                let groups = Dictionary(grouping: batch, by: { "\($0.period)|\($0.next_period_end_day)" })
                for rows in groups.values {
                    let first = rows[0]
                    let period = BillingPeriod(rawValue: first.period) ?? .monthly
                    let following = period.advance(LimaDate(dayNumber: first.next_period_end_day)).dayNumber
                    try await sql.raw("""
                        UPDATE \(ident: Subscription.schema) SET next_due_day = next_period_end_day, next_period_end_day = \(bind: following)
                        WHERE id IN \(SQLGroupExpression(rows.map { SQLBind($0.id) })) AND next_period_end_day = \(bind: first.next_period_end_day)
                        """).run()
                }
            }
            created += due.count
        }
    }
}
