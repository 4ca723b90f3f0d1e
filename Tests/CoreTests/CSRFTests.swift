@testable import Core
import Fluent
import Testing
import VaporTesting

extension AllTests {
    @Suite struct CSRFTests {}
}

extension AllTests.CSRFTests {
    @Test func formPostWithoutTokenIsRejected() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = Browser(app)
            try await browser.get("/login")
            let page = try await browser.post("/login", [("email", business.email), ("password", business.password)], csrf: false)
            #expect(page.status == .forbidden)
            #expect(page.body.contains("El formulario venció"))
            #expect(try await browser.get("/app").location == "/login", "the user was not signed in")
        }
    }

    @Test func formPostWithAnotherSessionsTokenIsRejectedAndChangesNothing() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let victim = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings")

            let attacker = Browser(app)
            try await attacker.get("/login")
            let forged = try #require(attacker.csrf)
            let page = try await victim.post("/t/\(business.slug)/settings", [
                ("_csrf", forged), ("legal_name", "Hacked"), ("ruc", RUCs.b),
            ])

            #expect(page.status == .forbidden)
            let tenant = try #require(try await Tenant.find(business.id, on: app.db))
            #expect(tenant.legalName == "Salón Bella" && tenant.ruc == RUCs.a)
        }
    }

    @Test func logoutWithoutTokenDoesNotLogOut() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = try await ownerBrowser(app, business)
            #expect(try await browser.post("/logout", [], csrf: false).status == .forbidden)
            #expect(try await browser.get("/t/\(business.slug)").status == .ok)
        }
    }
}
