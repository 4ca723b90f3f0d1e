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
        currentUser = user
    }

    func signOut() {
        session.destroy()
        currentUser = nil
    }
}

/// Loads the signed-in user from the database-backed session.
struct CurrentUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession, let raw = request.session.data["user_id"], let id = UUID(uuidString: raw) {
            request.currentUser = try await User.find(id, on: request.db)
        }
        return try await next.respond(to: request)
    }
}
