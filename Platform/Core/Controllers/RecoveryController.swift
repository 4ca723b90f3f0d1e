import Fluent
import Vapor

/// "Forgot my password": request a link, then set a new password through it.
enum RecoveryController {
    struct RequestPage: Encodable {
        var email = ""
        var sent = false
        var errors: [String: String] = [:]
    }

    struct ResetPage: Encodable {
        var token = ""
        var invalid: String?
        var errors: [String: String] = [:]
    }

    struct ResetForm: Content {
        var password: String?
        var password_confirmation: String?
    }

    @Sendable static func form(req: Request) async throws -> View {
        try await req.renderPage("auth/recover", RequestPage(), title: req.t("recover.title"), forms: true)
    }

    @Sendable static func start(req: Request) async throws -> Response {
        struct Form: Content { var email: String? }
        var errors = FieldErrors()
        let raw = try req.content.decode(Form.self).email
        guard let email = InputRules.email(raw, into: &errors, req) else {
            return try await req.renderPage("auth/recover", RequestPage(email: raw ?? "", errors: errors.fields),
                                            title: req.t("recover.title"), forms: true)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await PasswordRecovery.start(email: email, req)
        return try await req.renderPage("auth/recover", RequestPage(email: email, sent: true),
                                        title: req.t("recover.title"), forms: true).encodeResponse(for: req)
    }

    @Sendable static func resetForm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let (status, invalid) = try await check(token, req)
        return try await req.renderPage("auth/reset", ResetPage(token: token, invalid: invalid),
                                        title: req.t("reset.title"), forms: true).encodeResponse(status: status, for: req)
    }

    @Sendable static func reset(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let form = try req.content.decode(ResetForm.self)
        func page(_ status: HTTPResponseStatus, _ page: ResetPage) async throws -> Response {
            try await req.renderPage("auth/reset", page, title: req.t("reset.title"), forms: true)
                .encodeResponse(status: status, for: req)
        }
        let (status, invalid) = try await check(token, req)
        if let invalid { return try await page(status, ResetPage(token: token, invalid: invalid)) }
        var errors = FieldErrors()
        let password = InputRules.password(form.password, into: &errors, req)
        if form.password != form.password_confirmation {
            errors["password_confirmation"] = req.t("field.password_mismatch")
        }
        guard let password, errors.isEmpty else {
            return try await page(.unprocessableEntity, ResetPage(token: token, errors: errors.fields))
        }
        let hash = try await req.password.async.hash(password)
        guard try await PasswordRecovery.complete(token: token, passwordHash: hash, on: req.db) else {
            // Lost a race with another submission of the same link, or it expired meanwhile.
            let (status, invalid) = try await check(token, req)
            return try await page(status == .ok ? .gone : status, ResetPage(token: token, invalid: invalid ?? req.t("reset.used")))
        }
        return req.redirect(to: "/login?notice=password_reset")
    }

    private static func check(_ token: String, _ req: Request) async throws -> (HTTPResponseStatus, String?) {
        switch try await PasswordRecovery.state(of: token, on: req.db) {
        case .valid: (.ok, nil)
        case .used: (.gone, req.t("reset.used"))
        case .expired: (.gone, req.t("reset.expired"))
        case .unknown: (.notFound, req.t("reset.unknown"))
        }
    }
}
