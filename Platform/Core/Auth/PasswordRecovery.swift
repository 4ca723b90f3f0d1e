import Fluent
import SQLKit
import Vapor

/// Single-use recovery tokens that expire after an hour; only their hash is stored.
enum PasswordRecovery {
    static let lifetime: TimeInterval = 60 * 60

    enum TokenState { case valid(PasswordResetToken), used, expired, unknown }

    /// Creates a token and sends the mail with its link (through a delivery job, in the same
    /// transaction). Unknown emails get no mail and the same answer, so the form does not
    /// reveal who has an account.
    static func start(email: String, _ req: Request, now: Date = Date()) async throws {
        guard let user = try await User.query(on: req.db).filter(\.$email == email).first() else { return }
        let token = RandomToken.make()
        let link = "\(req.application.config.baseURL)/reset/\(token)"
        let message = NotificationRequest(
            template: CoreTemplates.passwordReset.id, to: NotificationRecipient(name: user.name, email: user.email),
            channel: .email, parameters: ["name": user.name, "link": link], language: req.language)
        let notifier = req.application.notifier
        try await req.db.transaction { db in
            try await PasswordResetToken(
                userID: user.requireID(), tokenHash: RandomToken.sha256Hex(token),
                expiresAt: now.addingTimeInterval(lifetime)).create(on: db)
            try await notifier.send(message, on: db)
        }
    }

    static func state(of token: String, on db: any Database, now: Date = Date()) async throws -> TokenState {
        guard let row = try await PasswordResetToken.query(on: db)
            .filter(\.$tokenHash == RandomToken.sha256Hex(token)).first() else { return .unknown }
        if row.usedAt != nil { return .used }
        if row.expiresAt <= now { return .expired }
        return .valid(row)
    }

    /// Marks the token used and sets the new password in one transaction. The conditional
    /// UPDATE makes two concurrent submissions of one link change the password at most once.
    static func complete(token: String, passwordHash: String, on db: any Database, now: Date = Date()) async throws -> Bool {
        try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return false }
            let rows = try await sql.raw("""
                UPDATE password_reset_tokens SET used_at = \(bind: now)
                WHERE token_hash = \(bind: RandomToken.sha256Hex(token)) AND used_at IS NULL AND expires_at > \(bind: now)
                RETURNING user_id
                """).all()
            guard let userID = try rows.first?.decode(column: "user_id", as: UUID.self),
                  let user = try await User.find(userID, on: db) else { return false }
            user.passwordHash = passwordHash
            user.passwordChangedAt = now
            try await user.save(on: db)
            // Any other outstanding link for this account dies with this one.
            try await PasswordResetToken.query(on: db)
                .filter(\.$user.$id == userID).filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
            try await LoginThrottle.clear(email: user.email, on: db)
            return true
        }
    }
}
