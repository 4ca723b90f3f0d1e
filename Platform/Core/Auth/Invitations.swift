import Fluent
import SQLKit
import Vapor

/// Inviting people to a business by e-mail, and joining it from the link. An invitation lasts
/// a week; inviting the same address again renews it with a new link.
public enum Invitations {
    static let lifetime: TimeInterval = 7 * 24 * 3600

    public enum Problem: Error, Equatable {
        case alreadyMember
        /// The plan's quota, in the words of the service that sells it.
        case limit(LocalizedText)
    }

    /// Staff users counted against the plan: staff members and pending staff invitations.
    static func staffCount(of tenantID: UUID, now: Date, on db: any Database) async throws -> Int {
        let members = try await TenantMember.query(on: db).filter(\.$tenant.$id == tenantID).filter(\.$role == .staff).count()
        let pending = try await TenantInvitation.query(on: db).filter(\.$tenantID == tenantID).filter(\.$role == .staff)
            .filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).count()
        return members + pending
    }

    /// Creates (or renews) the invitation and sends its mail in the same transaction. Returns the
    /// token (only its hash is stored) so tests and the caller can build the link.
    @discardableResult
    public static func invite(
        email: String, role: Role, to tenant: Tenant, by inviter: User?, app: Application, language: Language, on db: any Database
    ) async throws -> String {
        let tenantID = try tenant.requireID()
        let now = app.clock.now()
        if let user = try await User.query(on: db).filter(\.$email == email).first(),
           try await TenantMember.query(on: db).filter(\.$tenant.$id == tenantID).filter(\.$user.$id == user.requireID()).count() > 0 {
            throw Problem.alreadyMember
        }
        let existing = try await TenantInvitation.query(on: db).filter(\.$tenantID == tenantID).filter(\.$email == email).first()
        let alreadyCounted = existing.map { $0.role == .staff && $0.acceptedAt == nil && $0.expiresAt > now } ?? false
        if role == .staff, !alreadyCounted, let limits = app.tenantLimits,
           let refusal = try await limits.refusal(.staffUsers(current: staffCount(of: tenantID, now: now, on: db)), tenantID: tenantID, on: db) {
            throw Problem.limit(refusal)
        }
        let token = RandomToken.make()
        let invitation = existing ?? TenantInvitation()
        invitation.tenantID = tenantID
        invitation.email = email
        invitation.role = role
        invitation.tokenHash = RandomToken.sha256Hex(token)
        invitation.invitedBy = inviter?.id
        invitation.expiresAt = now.addingTimeInterval(lifetime)
        invitation.acceptedAt = nil
        invitation.createdAt = now
        let message = NotificationRequest(
            template: CoreTemplates.invitation.id, to: NotificationRecipient(name: email, email: email), channel: .email,
            parameters: ["business": tenant.displayName, "inviter": inviter?.name ?? tenant.displayName,
                         "role": Strings.text("team.role.\(role.rawValue)", language),
                         "link": "\(app.config.baseURL)/invite/\(token)"],
            language: language)
        try await db.transaction { tx in
            try await invitation.save(on: tx)
            try await app.notifier.send(message, on: tx)
        }
        return token
    }

    public enum TokenState { case valid(TenantInvitation, Tenant), accepted, expired, unknown }

    static func state(of token: String, now: Date, on db: any Database) async throws -> TokenState {
        guard let invitation = try await TenantInvitation.query(on: db).filter(\.$tokenHash == RandomToken.sha256Hex(token)).first(),
              let tenant = try await Tenant.find(invitation.tenantID, on: db) else { return .unknown }
        if invitation.acceptedAt != nil { return .accepted }
        if invitation.expiresAt <= now { return .expired }
        return .valid(invitation, tenant)
    }

    /// Uses the invitation once (a conditional UPDATE, so two clicks join once) and makes
    /// `user` a member with its role. False when the link was used or expired meanwhile.
    static func accept(token: String, user: User, now: Date, on db: any Database) async throws -> Bool {
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return false }
            let rows = try await sql.raw("""
                UPDATE \(ident: TenantInvitation.schema) SET accepted_at = \(bind: now)
                WHERE token_hash = \(bind: RandomToken.sha256Hex(token)) AND accepted_at IS NULL AND expires_at > \(bind: now)
                RETURNING tenant_id, role
                """).all()
            guard let row = rows.first else { return false }
            let tenantID = try row.decode(column: "tenant_id", as: UUID.self)
            let role = Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .staff
            let userID = try user.requireID()
            if try await TenantMember.query(on: tx).filter(\.$tenant.$id == tenantID).filter(\.$user.$id == userID).count() == 0 {
                try await TenantMember(tenantID: tenantID, userID: userID, role: role).create(on: tx)
            }
            return true
        }
    }
}
