import Core
import Fluent
import Foundation
import Shared
import SQLKit
import Vapor

/// `multinicho bench-sweep --tenants N` (PostgreSQL): N businesses with monthly memberships due
/// over the last 45 and next 15 days, then the daily sweep three times — the first day
/// (every overdue business moves), the next day (a normal day), and the same day again
/// (nothing to do) — each in seconds and as a ratio to one UPDATE touching every membership
/// once, the cheapest full pass over the table, measured in the same run.
struct SweepBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "tenants", help: "How many businesses (default 100000).")
        var tenants: Int?
        init() {}
    }

    var help: String { "Benchmarks the membership sweep on PostgreSQL." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let sql = app.db as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            throw Abort(.badRequest, reason: "bench-sweep needs DATABASE_URL to name a PostgreSQL database")
        }
        let count = signature.tenants ?? 100_000
        let now = Date()
        let today = LimaDate(now).dayNumber
        guard let plan = try await Plan.query(on: app.db).sort(\.$monthlyCents).first() else { throw Abort(.internalServerError) }
        let started = Date()
        try await sql.raw("""
            INSERT INTO tenants (id, slug, legal_name, ruc, status, created_at)
            SELECT gen_random_uuid(), 'bench-' || g, 'Negocio ' || g, '20100070970', 'active', now() FROM generate_series(1, \(bind: count)) g
            """).run()
        try await sql.raw("""
            INSERT INTO \(ident: Subscription.schema) (id, tenant_id, plan_id, period, state, trial_ends_day, next_due_day,
                next_period_end_day, renewal_cents, state_changed_at, created_at)
            SELECT gen_random_uuid(), t.id, \(bind: try plan.requireID()), 'mensual', 'active', \(bind: today - 200),
                   \(bind: today - 45) + (row_number() OVER ()) % 60, \(bind: today - 15) + (row_number() OVER ()) % 60,
                   3000, now(), now()
            FROM tenants t WHERE t.slug LIKE 'bench-%'
            """).run()
        try await sql.raw("ANALYZE").run()
        context.console.print("seeded \(count) businesses in \(seconds(since: started)) s")

        let baseline = try await timed { try await sql.raw("UPDATE \(ident: Subscription.schema) SET state_changed_at = state_changed_at").run() }
        let first = try await timed { _ = try await DunningSweep.run(app: app, now: now) }
        let next = try await timed { _ = try await DunningSweep.run(app: app, now: now.addingTimeInterval(86_400)) }
        let again = try await timed { _ = try await DunningSweep.run(app: app, now: now.addingTimeInterval(86_400)) }
        let states = try await sql.raw("SELECT state, count(*) AS n FROM \(ident: Subscription.schema) GROUP BY state ORDER BY state")
            .all().map { "\((try? $0.decode(column: "state", as: String.self)) ?? "?")=\((try? $0.decode(column: "n", as: Int.self)) ?? 0)" }
        context.console.print("memberships by state after the sweeps: \(states.joined(separator: " "))")
        context.console.print("baseline: one UPDATE of every membership   \(format(baseline)) s")
        context.console.print("sweep, first day (every overdue moves)     \(format(first)) s   ratio \(format(first / baseline))")
        context.console.print("sweep, next day (a normal day)             \(format(next)) s   ratio \(format(next / baseline))")
        context.console.print("sweep, same day again (nothing to do)      \(format(again)) s   ratio \(format(again / baseline))")
    }

    private func timed(_ work: () async throws -> Void) async throws -> Double { try await BenchTiming.seconds(work) }
    private func seconds(since start: Date) -> String { format(Date().timeIntervalSince(start)) }
    private func format(_ value: Double) -> String { BenchTiming.format(value) }
}
