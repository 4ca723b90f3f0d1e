import Fluent
import Vapor

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = User }

    /// The user signed in through the session cookie, if any.
    public var currentUser: User? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// Starts a fresh session for `user`: a new session id (against fixation) and a new CSRF token.
    func signIn(_ user: User) async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
        }
        session.id = nil
        session.data = SessionData()
        session.data["user_id"] = try user.requireID().uuidString
        session.data["signed_in_at"] = String(Date().timeIntervalSince1970)
        currentUser = user
    }

    func signOut() {
        session.destroy()
        currentUser = nil
    }
}

/// Loads the signed-in user from the database-backed session. A session older than
/// `maximumAge`, or signed in before the user's last password change, is ended: a recovered
/// account must lock out whoever had it before.
struct CurrentUserMiddleware: AsyncMiddleware {
    static let maximumAge: TimeInterval = 30 * 24 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession, let raw = request.session.data["user_id"], let id = UUID(uuidString: raw) {
            let signedIn = Date(timeIntervalSince1970: request.session.data["signed_in_at"].flatMap(Double.init) ?? 0)
            let user = try await User.find(id, on: request.db)
            let stale = Date().timeIntervalSince(signedIn) > Self.maximumAge
                || user?.passwordChangedAt.map { signedIn < $0 } ?? false
            if let user, !stale {
                request.currentUser = user
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}
