import Core
import Fluent
import Foundation
import Shared
import SQLKit
import Vapor

/// The daily sweep (and the instant re-evaluation after a payment), in a fixed number of SQL
/// statements whatever the number of businesses: charges for periods about to start, every
/// membership's stage from its oldest unpaid charge (one SELECT with a CASE built from the
/// policy, then one UPDATE per kind of change), and the day's reminders (an INSERT that
/// records each once). Running it twice in a day changes nothing the second time.
public enum DunningSweep {
    struct Payload: Codable, Sendable {}
    static let kind = JobKind<Payload>("billing.sweep")

    static var handler: JobHandler {
        JobHandler(kind, timeout: 600) { _, context in try await run(app: context.application, now: context.now) }
    }

    static var schedule: ScheduledJob {
        ScheduledJob("billing.sweep", .daily(hour: 6, minute: 0), kind: kind, payload: Payload())
    }

    public struct Report: Sendable, Equatable {
        public var chargesCreated = 0
        /// Renewals sent to the kept cards today (each a job).
        public var cardCharges = 0
        public var changes: [Change] = []
        public var reminders = 0
    }

    public struct Change: Sendable, Equatable {
        public let tenantID: UUID
        public let from: MembershipStage
        public let to: MembershipStage
    }

    @discardableResult
    public static func run(app: Application, now: Date) async throws -> Report {
        var report = Report()
        report.chargesCreated = try await ChargeCreation.run(now: now, on: app.db)
        report.cardCharges = try await CardCharges.schedule(now: now, on: app.db)
        report.changes = try await evaluate(tenantIDs: nil, app: app, now: now)
        report.reminders = try await Reminders.send(app: app, now: now)
        return report
    }

    /// Moves every membership (or those of `tenantIDs`) to the stage its unpaid charges call
    /// for, and announces each change (event + notification) in the same transaction.
    @discardableResult
    public static func evaluate(tenantIDs: [UUID]?, app: Application, now: Date) async throws -> [Change] {
        guard let sql = app.db as? any SQLDatabase else { return [] }
        let policy = try await PolicyStore.current(on: app.db)
        let today = LimaDate(now).dayNumber
        var query = SQLQueryString("""
            SELECT x.id, x.tenant_id, x.state, x.new_state FROM (
              SELECT s.id, s.tenant_id, s.state, \(stageCase(policy, today: today)) AS new_state
              FROM \(ident: Subscription.schema) s
              LEFT JOIN (SELECT subscription_id, MIN(period_start_day + grace_days) AS owed
                         FROM \(ident: MembershipCharge.schema) WHERE state = 'open' AND module_id = '' GROUP BY subscription_id) o
                ON o.subscription_id = s.id
            """)
        if let tenantIDs {
            query.appendInterpolation(unsafeRaw: " WHERE s.tenant_id IN ")
            query.appendInterpolation(SQLGroupExpression(tenantIDs.map { SQLBind($0) }))
        }
        query.appendInterpolation(unsafeRaw: ") x WHERE x.state <> x.new_state")
        struct Row: Decodable { let id: UUID; let tenant_id: UUID; let state: String; let new_state: String }
        let rows = try await sql.raw(query).all(decoding: Row.self)
        let changes = rows.compactMap { row in
            MembershipStage(rawValue: row.state).flatMap { from in
                MembershipStage(rawValue: row.new_state).map { Change(tenantID: row.tenant_id, from: from, to: $0) }
            }
        }
        let groups = Dictionary(grouping: zip(rows, changes), by: { "\($0.1.from.rawValue)>\($0.1.to.rawValue)" })
        for (_, members) in groups {
            for batch in stride(from: 0, to: members.count, by: 500).map({ Array(members[$0..<min($0 + 500, members.count)]) }) {
                let (from, to) = (batch[0].1.from, batch[0].1.to)
                try await app.db.transaction { tx in
                    guard let sql = tx as? any SQLDatabase else { return }
                    // Conditional on the old state: a concurrent payment's own evaluation wins.
                    let changed = try await sql.raw("""
                        UPDATE \(ident: Subscription.schema) SET state = \(bind: to.rawValue), state_changed_at = \(bind: now)
                        WHERE state = \(bind: from.rawValue) AND id IN \(SQLGroupExpression(batch.map { SQLBind($0.0.id) }))
                        RETURNING tenant_id
                        """).all(decoding: TenantRow.self)
                    // The events go out with the change; the messages follow from them (MembershipNotices).
                    try await MembershipEvents.emit(changed.map { Change(tenantID: $0.tenant_id, from: from, to: to) }, at: now, on: tx)
                }
            }
        }
        return changes
    }

    struct TenantRow: Decodable { let tenant_id: UUID }

    /// `CASE` over days overdue (`today - owed`): the policy's state steps, most severe first;
    /// nothing owed yet (or not yet due enough) leaves a trial a trial until it ends.
    static func stageCase(_ policy: DunningPolicy, today: Int) -> SQLQueryString {
        var text = SQLQueryString("CASE WHEN s.manual_stage IS NOT NULL THEN s.manual_stage")
        for (offset, stage) in policy.thresholds.reversed() {
            text.appendInterpolation(unsafeRaw: " WHEN o.owed IS NOT NULL AND \(today) - o.owed >= \(offset) THEN '\(stage.rawValue)'")
        }
        text.appendInterpolation(unsafeRaw: " WHEN s.state = 'trial' AND \(today) < s.trial_ends_day THEN 'trial' ELSE 'active' END")
        return text
    }
}
