@testable import Core
import Fluent
@testable import Notifications
import Testing
import VaporTesting

extension AllTests {
    @Suite struct RecoveryTests {}
}

/// Asks for a recovery link and returns the token from the mail in the outbox.
private func requestToken(_ app: Application, _ email: String) async throws -> String {
    let browser = Browser(app)
    try await browser.get("/recover")
    let page = try await browser.post("/recover", [("email", email)])
    #expect(page.status == .ok && page.body.contains("recover-sent"))
    let mail = try #require(try await NotificationMessage.query(on: app.db).sort(\.$createdAt, .descending).first())
    let link = try #require(DevOutboxController.links(in: mail.bodyText).first)
    #expect(link.hasPrefix("http://localhost:8080/reset/"))
    return String(link.split(separator: "/").last!)
}

private func reset(_ app: Application, _ token: String, to password: String, confirm: String? = nil) async throws -> Page {
    // The CSRF token comes from another page: an invalid link shows no form, but a form
    // loaded earlier (in another tab) can still be submitted, and must still be refused.
    let browser = Browser(app)
    try await browser.get("/recover")
    return try await browser.post("/reset/\(token)", [("password", password), ("password_confirmation", confirm ?? password)])
}

extension AllTests.RecoveryTests {
    @Test func recoveryMailCarriesASingleUseLinkStoredOnlyAsAHash() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Patitas", email: "vet@example.pe")
            let token = try await requestToken(app, business.email)

            let mail = try #require(try await NotificationMessage.query(on: app.db).first())
            #expect(mail.recipient == business.email && mail.channel == .email && mail.template == "auth.password_reset")
            #expect(mail.subject == "Recupera tu contraseña de Multinicho")
            #expect(try await JobRecord.query(on: app.db).filter(\.$kind == "notifications.deliver").count() == 1,
                    "the mail goes out through a durable job, not inline")
            let stored = try #require(try await PasswordResetToken.query(on: app.db).first())
            #expect(stored.tokenHash != token && stored.tokenHash == RandomToken.sha256Hex(token))
            let lifetime = stored.expiresAt.timeIntervalSince(stored.createdAt ?? Date())
            #expect(abs(lifetime - 3600) < 5)
        }
    }

    @Test func validLinkChangesThePassword() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Patitas", email: "vet@example.pe")
            let token = try await requestToken(app, business.email)

            let page = try await reset(app, token, to: "nueva-clave-456")

            #expect(page.location == "/login?notice=password_reset")
            #expect(try await signIn(Browser(app), business.email, "nueva-clave-456").status == .seeOther)
            #expect(try await signIn(Browser(app), business.email, business.password).status == .unauthorized)
        }
    }

    @Test func resettingThePasswordEndsEverySessionOpenedBefore() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Patitas", email: "vet@example.pe")
            let intruder = try await ownerBrowser(app, business)
            #expect(try await intruder.get("/t/\(business.slug)").status == .ok)

            let token = try await requestToken(app, business.email)
            #expect(try await reset(app, token, to: "nueva-clave-456").status == .seeOther)

            #expect(try await intruder.get("/t/\(business.slug)").location?.hasPrefix("/login") == true)
            let owner = Browser(app)
            try await signIn(owner, business.email, "nueva-clave-456")
            #expect(try await owner.get("/t/\(business.slug)").status == .ok)
        }
    }

    @Test func reusedLinkIsRefusedAndThePasswordStays() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Patitas", email: "vet@example.pe")
            let token = try await requestToken(app, business.email)
            #expect(try await reset(app, token, to: "nueva-clave-456").status == .seeOther)

            let again = try await reset(app, token, to: "tercera-clave-789")

            #expect(again.status == .gone)
            #expect(again.body.contains("Este enlace ya fue usado"))
            #expect(try await signIn(Browser(app), business.email, "nueva-clave-456").status == .seeOther)
            let reopened = try await Browser(app).get("/reset/\(token)")
            #expect(reopened.status == .gone && reopened.body.contains("reset-invalid") && !reopened.body.contains("reset-submit"))
        }
    }

    @Test func expiredLinkIsRefusedAndThePasswordStays() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Patitas", email: "vet@example.pe")
            let token = try await requestToken(app, business.email)
            try await PasswordResetToken.query(on: app.db)
                .set(\.$expiresAt, to: Date().addingTimeInterval(-60)).update()

            let page = try await reset(app, token, to: "nueva-clave-456")

            #expect(page.status == .gone)
            #expect(page.body.contains("Este enlace venció"))
            #expect(try await signIn(Browser(app), business.email, business.password).status == .seeOther)
        }
    }

    @Test func badNewPasswordKeepsTheLinkUsable() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Veterinaria Patitas", email: "vet@example.pe")
            let token = try await requestToken(app, business.email)

            let short = try await reset(app, token, to: "corta", confirm: "corto")
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.contains("error-password\"") && short.body.contains("error-password_confirmation"), "both problems at once")
            let mismatch = try await reset(app, token, to: "nueva-clave-456", confirm: "nueva-clave-457")
            #expect(mismatch.status == .unprocessableEntity && mismatch.body.contains("no coinciden"))

            #expect(try await reset(app, token, to: "nueva-clave-456").status == .seeOther)
        }
    }

    @Test func unknownEmailGetsTheSameAnswerAndNoMail() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.get("/recover")
            let page = try await browser.post("/recover", [("email", "nadie@example.pe")])
            #expect(page.status == .ok && page.body.contains("recover-sent"))
            #expect(try await NotificationMessage.query(on: app.db).count() == 0)
        }
    }

    @Test func madeUpTokenIsNotFound() async throws {
        try await withTestApp { app in
            let page = try await Browser(app).get("/reset/not-a-real-token")
            #expect(page.status == .notFound && page.body.contains("Este enlace no es válido"))
        }
    }

    @Test func outboxIsVisibleOnlyInDevelopment() async throws {
        try await withTestApp(mode: .production) { app in
            let page = try await Browser(app).get("/dev/outbox")
            #expect(page.status == .notFound)
        }
        try await withTestApp(mode: .development) { app in
            let page = try await Browser(app).get("/dev/outbox")
            #expect(page.status == .ok)
        }
    }
}
