import Fluent
import Vapor

/// After `limit` failed logins within `window` for one email or one IP, further attempts are
/// refused with 429 until the oldest of those failures leaves the window.
enum LoginThrottle {
    static let limit = 5
    static let window: TimeInterval = 15 * 60

    /// Seconds the client must wait, or nil when it may try.
    static func retryAfter(email: String, ip: String, on db: any Database, now: Date = Date()) async throws -> Int? {
        let since = now.addingTimeInterval(-window)
        func oldestOfLast(_ field: KeyPath<LoginAttempt, FieldProperty<LoginAttempt, String>>, _ value: String) async throws -> Date? {
            let recent = try await LoginAttempt.query(on: db)
                .filter(field == value).filter(\.$attemptedAt > since)
                .sort(\.$attemptedAt, .descending).limit(limit).all()
            return recent.count >= limit ? recent.last?.attemptedAt : nil
        }
        let blockers = [try await oldestOfLast(\.$email, email), try await oldestOfLast(\.$ip, ip)].compactMap { $0 }
        guard let latestUnblock = blockers.map({ $0.addingTimeInterval(window) }).max() else { return nil }
        return max(1, Int(latestUnblock.timeIntervalSince(now).rounded(.up)))
    }

    static func recordFailure(email: String, ip: String, on db: any Database, now: Date = Date()) async throws {
        try await LoginAttempt(email: email, ip: ip, at: now).create(on: db)
    }

    /// A successful login forgives the account's earlier failures (not the IP's).
    static func clear(email: String, on db: any Database) async throws {
        try await LoginAttempt.query(on: db).filter(\.$email == email).delete()
    }
}
