import Fluent
import Vapor

/// Proving an account's email address by a link sent to it. The link carries a keyed hash of
/// the user and the address, so it needs no table, works any number of times, and dies if
/// the address changes.
public enum EmailVerification {
    static func token(userID: UUID, email: String, secretKey: String) -> String {
        RandomToken.hmacHex("email-verification:\(userID.uuidString.lowercased()):\(email)", key: secretKey)
    }

    static func link(for user: User, app: Application) throws -> String {
        let id = try user.requireID()
        return "\(app.config.baseURL)/verify/\(id.uuidString.lowercased())/\(token(userID: id, email: user.email, secretKey: app.config.secretKey))"
    }

    /// Queues the mail with the link, in `db`'s transaction.
    public static func send(to user: User, app: Application, language: Language, on db: any Database) async throws {
        let message = NotificationRequest(
            template: CoreTemplates.emailVerification.id, to: NotificationRecipient(name: user.name, email: user.email),
            channel: .email, parameters: ["name": user.name, "link": try link(for: user, app: app)], language: language)
        try await app.notifier.send(message, on: db)
    }

    /// Marks the address verified when the link is genuine; the user, or nil for a forged or
    /// outdated link.
    static func confirm(userID: UUID, token given: String, app: Application, on db: any Database) async throws -> User? {
        guard let user = try await User.find(userID, on: db),
              RandomToken.constantTimeEquals(given, token(userID: userID, email: user.email, secretKey: app.config.secretKey))
        else { return nil }
        if user.emailVerifiedAt == nil {
            user.emailVerifiedAt = app.clock.now()
            try await user.save(on: db)
        }
        return user
    }

    /// Whether an owner of the business has verified their address.
    public static func ownerVerified(tenantID: UUID, on db: any Database) async throws -> Bool {
        let owners = try await TenantMember.query(on: db).filter(\.$tenant.$id == tenantID).filter(\.$role == .owner).all()
            .map { $0.$user.id }
        guard !owners.isEmpty else { return false }
        return try await User.query(on: db).filter(\.$id ~~ owners).filter(\.$emailVerifiedAt != nil).count() > 0
    }
}
