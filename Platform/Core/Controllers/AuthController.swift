import Fluent
import Vapor

/// Landing, sign-up, sign-in and sign-out pages.
enum AuthController {
    struct RegisterPage: Encodable {
        var values: Registration.Input = .init()
        var errors: [String: String] = [:]
    }

    struct LoginPage: Encodable {
        var email = ""
        var next = ""
        var error: String?
        var notice: String?
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    @Sendable static func landing(req: Request) async throws -> View {
        try await req.renderPage("landing", [String: String](), title: req.t("app.name"))
    }

    @Sendable static func registerForm(req: Request) async throws -> View {
        try await req.renderPage("auth/register", RegisterPage(), title: req.t("register.title"), forms: true)
    }

    @Sendable static func register(req: Request) async throws -> Response {
        let input = try req.content.decode(Registration.Input.self)
        do {
            let (user, tenant) = try await Registration.register(input, req)
            try await req.signIn(user)
            return req.redirect(to: "/t/\(tenant.slug)/onboarding")
        } catch let errors as FieldErrors {
            var values = input
            values.password = nil
            return try await req.renderPage("auth/register", RegisterPage(values: values, errors: errors.fields),
                                            title: req.t("register.title"), forms: true)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable static func loginForm(req: Request) async throws -> View {
        let notice = (try? req.query.get(String.self, at: "notice")).map { req.t("notice.\($0)") }
        let page = LoginPage(next: (try? req.query.get(String.self, at: "next")) ?? "", notice: notice)
        return try await req.renderPage("auth/login", page, title: req.t("login.title"), forms: true)
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let page = LoginPage(email: email, next: form.next ?? "")
        func fail(_ status: HTTPResponseStatus, _ message: String, headers: HTTPHeaders = [:]) async throws -> Response {
            var page = page
            page.error = message
            let response = try await req.renderPage("auth/login", page, title: req.t("login.title"), forms: true)
                .encodeResponse(status: status, for: req)
            response.headers.add(contentsOf: headers)
            return response
        }
        if let wait = try await LoginThrottle.retryAfter(email: email, ip: req.clientIP, on: req.db) {
            let minutes = (wait + 59) / 60
            return try await fail(.tooManyRequests, req.t("login.throttled").replacingOccurrences(of: "{minutes}", with: "\(minutes)"),
                                  headers: ["Retry-After": "\(wait)"])
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        // Verify against a dummy hash when the email is unknown so timing does not reveal accounts.
        let hash = user?.passwordHash ?? req.application.dummyPasswordHash
        let matches = (try? await req.password.async.verify(form.password ?? "", created: hash)) ?? false
        guard let user, matches else {
            try await LoginThrottle.recordFailure(email: email, ip: req.clientIP, on: req.db)
            return try await fail(.unauthorized, req.t("login.failed"))
        }
        try await LoginThrottle.clear(email: email, on: req.db)
        try await req.signIn(user)
        return req.redirect(to: safeNext(form.next) ?? "/app")
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        req.signOut()
        return req.redirect(to: "/login?notice=logged_out")
    }

    /// After sign-in: straight to the only business, or a chooser when there are several.
    @Sendable static func home(req: Request) async throws -> Response {
        guard let user = req.currentUser else { return req.redirect(to: "/login") }
        let memberships = try await TenantMember.query(on: req.db)
            .filter(\.$user.$id == user.requireID()).with(\.$tenant).all()
        if memberships.count == 1, let only = memberships.first {
            // An owner who left the set-up half done comes back to the step they were on.
            if only.role == .owner, let status = try await req.application.onboardingStatus?(req.application, only.tenant, req.db) {
                return req.redirect(to: status.href)
            }
            return req.redirect(to: "/t/\(only.tenant.slug)")
        }
        struct Choice: Encodable { let slug: String; let name: String; let role: String }
        let choices = memberships.map { Choice(slug: $0.tenant.slug, name: $0.tenant.displayName, role: req.t("role.\($0.role.rawValue)")) }
        return try await req.renderPage("auth/choose", ["tenants": choices], title: req.t("choose.title"))
            .encodeResponse(for: req)
    }

    /// The link of the verification mail: confirms the address, then on to the business.
    @Sendable static func verifyEmail(req: Request) async throws -> Response {
        guard let id = req.parameters.get("user", as: UUID.self), let token = req.parameters.get("token"),
              let user = try await EmailVerification.confirm(userID: id, token: token, app: req.application, on: req.db)
        else { return req.redirect(to: "/login?notice=verify_invalid") }
        if req.currentUser?.id == user.id { return req.redirect(to: "/app") }
        return req.redirect(to: "/login?notice=email_verified&next=/app")
    }

    @Sendable static func switchLanguage(req: Request) async throws -> Response {
        let chosen = Language(rawValue: req.parameters.get("code") ?? "") ?? .es
        let response = req.redirect(to: safeNext(try? req.query.get(String.self, at: "next")) ?? "/")
        response.cookies["lang"] = HTTPCookies.Value(
            string: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/",
            isSecure: req.application.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only same-site paths: an open redirect after login would be a phishing tool.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }
}
