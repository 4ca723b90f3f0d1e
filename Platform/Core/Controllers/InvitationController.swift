import Fluent
import Vapor

/// `/invite/{token}`: the invitation's link. Signed in with the invited e-mail: one button joins.
/// Not signed in: a new person creates their account here; someone who has one signs in first.
enum InvitationController {
    struct Page: Encodable {
        var token: String
        var business: String?
        var role: String?
        var email: String?
        /// "join", "create", "login", "other_user", or the reason it cannot be used.
        var mode: String
        var message: String?
        var name: String?
        var errors: [String: String] = [:]
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        let page = try await page(for: token, state: Invitations.state(of: token, now: req.application.clock.now(), on: req.db), req)
        let status: HTTPStatus = page.business == nil ? .gone : .ok
        return try await req.renderPage("team/accept", page, title: req.t("invite.title"), forms: true)
            .encodeResponse(status: status, for: req)
    }

    static func page(for token: String, state: Invitations.TokenState, _ req: Request) async throws -> Page {
        switch state {
        case .unknown: return Page(token: token, mode: "invalid", message: req.t("invite.invalid"))
        case .expired: return Page(token: token, mode: "invalid", message: req.t("invite.expired"))
        case .accepted: return Page(token: token, mode: "invalid", message: req.t("invite.used"))
        case .valid(let invitation, let tenant):
            let mode: String
            if let user = req.currentUser {
                mode = user.email == invitation.email ? "join" : "other_user"
            } else {
                mode = try await User.query(on: req.db).filter(\.$email == invitation.email).count() > 0 ? "login" : "create"
            }
            return Page(token: token, business: tenant.displayName, role: req.t("team.role.\(invitation.role.rawValue)"),
                        email: invitation.email, mode: mode)
        }
    }

    @Sendable static func accept(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        let state = try await Invitations.state(of: token, now: req.application.clock.now(), on: req.db)
        var page = try await page(for: token, state: state, req)
        guard case .valid(let invitation, let tenant) = state else {
            return try await req.renderPage("team/accept", page, title: req.t("invite.title"), forms: true)
                .encodeResponse(status: .gone, for: req)
        }
        let user: User
        switch page.mode {
        case "join":
            guard let current = req.currentUser else { throw Abort(.unauthorized) }
            user = current
        case "create":
            struct Form: Content { var name: String?; var password: String? }
            let form = try req.content.decode(Form.self)
            var errors = FieldErrors()
            let name = InputRules.required(form.name, "name", into: &errors, req)
            let password = InputRules.password(form.password, into: &errors, req)
            guard errors.isEmpty, let name, let password else {
                page.name = form.name
                page.errors = errors.fields
                return try await req.renderPage("team/accept", page, title: req.t("invite.title"), forms: true)
                    .encodeResponse(status: .unprocessableEntity, for: req)
            }
            let created = User(email: invitation.email, name: name, passwordHash: try await req.password.async.hash(password),
                               emailVerifiedAt: req.application.clock.now())
            try await created.create(on: req.db)
            user = created
        default:
            // Someone else is signed in, or the invited person has an account: sign in first.
            return try await req.renderPage("team/accept", page, title: req.t("invite.title"), forms: true)
                .encodeResponse(status: .conflict, for: req)
        }
        guard try await Invitations.accept(token: token, user: user, now: req.application.clock.now(), on: req.db) else {
            throw Abort(.gone, reason: req.t("invite.used"))
        }
        if req.currentUser == nil { try await req.signIn(user) }
        return req.redirect(to: "/t/\(tenant.slug)")
    }
}
