import Fluent
import Shared
import Vapor

/// The platform's own housekeeping: a nightly sweep of rows nobody needs any more.
enum CoreJobs {
    struct SweepPayload: Codable, Sendable {}
    static let sweep = JobKind<SweepPayload>("core.sweep")

    /// Finished jobs and dispatched events stay this long for the pages and for support.
    static let retention: TimeInterval = 30 * 24 * 3600

    static var handlers: [JobHandler] {
        [JobHandler(sweep, timeout: 300) { _, context in try await runSweep(now: context.now, on: context.db) }]
    }

    static var schedules: [ScheduledJob] {
        [ScheduledJob("core.sweep", .daily(hour: 3, minute: 30), kind: sweep, payload: SweepPayload())]
    }

    static func runSweep(now: Date, on db: any Database) async throws {
        let cutoff = now.addingTimeInterval(-retention)
        let sessionCutoff = now.addingTimeInterval(-CurrentUserMiddleware.maximumAge)
        try await JobRecord.query(on: db).filter(\.$state == .succeeded).filter(\.$finishedAt < cutoff).delete()
        try await StoredEvent.query(on: db).filter(\.$dispatchedAt < cutoff).delete()
        try await LoginAttempt.query(on: db).filter(\.$attemptedAt < now.addingTimeInterval(-24 * 3600)).delete()
        try await PasswordResetToken.query(on: db).filter(\.$expiresAt < now).delete()
        try await IdempotencyRecord.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-IdempotentRequests.retention)).delete()
        try await sweepSessions(signedInBefore: sessionCutoff, on: db)
    }

    /// Fluent's session rows carry no timestamp, only the data we put in them; a session
    /// signed in longer ago than the maximum age is refused anyway, so its row can go.
    private static func sweepSessions(signedInBefore cutoff: Date, on db: any Database) async throws {
        let stale = try await SessionRecord.query(on: db).all().filter { record in
            let signedIn = record.data["signed_in_at"].flatMap(Double.init) ?? 0
            return Date(timeIntervalSince1970: signedIn) < cutoff
        }
        for record in stale { try await record.delete(on: db) }
    }
}
