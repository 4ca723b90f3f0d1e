import Fluent
import Shared
import Vapor

/// `/t/{business}/team`: who has access, invitations by e-mail (counted against the plan's
/// staff users), and removing access. Only owners manage the team.
enum TeamController {
    struct Member: Encodable { let id: String; let name: String; let email: String; let role: String; let isYou: Bool }
    struct Pending: Encodable { let id: String; let email: String; let role: String; let expires: String }

    struct Page: Encodable {
        var members: [Member]
        var pending: [Pending]
        var email: String?
        var role: String
        var errors: [String: String] = [:]
        var invited: String?
        var removed = false
    }

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(CorePermission.settings)
        return try await render(req, Page(members: [], pending: [], role: "staff",
                                          invited: try? req.query.get(String.self, at: "invited"),
                                          removed: (try? req.query.get(Bool.self, at: "removed")) ?? false))
    }

    static func render(_ req: Request, _ page: Page, status: HTTPStatus = .ok) async throws -> View {
        let context = try req.tenantContext
        let now = req.application.clock.now()
        var page = page
        let members = try await TenantMember.query(on: req.db).filter(\.$tenant.$id == context.tenantID).with(\.$user)
            .sort(\.$createdAt).all()
        page.members = try members.map { member in
            Member(id: try member.requireID().uuidString.lowercased(), name: member.user.name, email: member.user.email,
                   role: req.t("team.role.\(member.role.rawValue)"), isYou: member.user.id == context.user?.id)
        }
        page.pending = try await TenantInvitation.query(on: req.db).filter(\.$tenantID == context.tenantID)
            .filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).sort(\.$createdAt).all().map { invitation in
                Pending(id: try invitation.requireID().uuidString.lowercased(), email: invitation.email,
                        role: req.t("team.role.\(invitation.role.rawValue)"), expires: LimaDate(invitation.expiresAt).formatted)
            }
        return try await req.renderPage("team/index", page, title: req.t("team.title"), forms: true)
    }

    @Sendable static func invite(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        let context = try req.tenantContext
        struct Form: Content { var email: String?; var role: String? }
        let form = try req.content.decode(Form.self)
        var errors = FieldErrors()
        let email = InputRules.email(form.email, into: &errors, req)
        let role = form.role.flatMap(Role.init(rawValue:)).flatMap { $0 == .customer ? nil : $0 }
        if role == nil { errors["role"] = req.t("team.error.role") }
        var page = Page(members: [], pending: [], email: form.email, role: form.role ?? "staff")
        guard errors.isEmpty, let email, let role else {
            page.errors = errors.fields
            return try await render(req, page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        do {
            try await Invitations.invite(email: email, role: role, to: context.tenant, by: context.user, app: req.application,
                                         language: req.language, on: req.db)
        } catch let problem as Invitations.Problem {
            switch problem {
            case .alreadyMember: page.errors = ["email": req.t("team.error.member")]
            case .limit(let text): page.errors = ["email": text.text(for: req.language)]
            }
            let status: HTTPStatus = if case .limit = problem { .paymentRequired } else { .conflict }
            return try await render(req, page).encodeResponse(status: status, for: req)
        }
        let query = email.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? email
        return req.redirect(to: "/t/\(context.tenant.slug)/team?invited=\(query)")
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        let invitation = try await req.tenantScope.require(TenantInvitation.self, req.parameters.get("invitation", as: UUID.self))
        try await invitation.delete(on: req.db)
        return req.redirect(to: "/t/\(try req.tenantContext.tenant.slug)/team")
    }

    /// Removes a member's access (their user stays, with their other businesses). Not oneself,
    /// and never the last owner.
    @Sendable static func remove(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        let context = try req.tenantContext
        guard let id = req.parameters.get("member", as: UUID.self),
              let member = try await TenantMember.query(on: req.db).filter(\.$id == id)
                .filter(\.$tenant.$id == context.tenantID).first() else { throw Abort(.notFound) }
        if member.$user.id == context.user?.id {
            throw APIError(.conflict, code: "conflict", message: req.t("team.error.self"))
        }
        if member.role == .owner,
           try await TenantMember.query(on: req.db).filter(\.$tenant.$id == context.tenantID).filter(\.$role == .owner).count() <= 1 {
            throw APIError(.conflict, code: "conflict", message: req.t("team.error.last_owner"))
        }
        try await member.delete(on: req.db)
        return req.redirect(to: "/t/\(context.tenant.slug)/team?removed=true")
    }
}
