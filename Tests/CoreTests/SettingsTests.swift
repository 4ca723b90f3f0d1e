@testable import Core
import Fluent
import Testing
import VaporTesting

extension AllTests {
    @Suite struct SettingsTests {}
}

extension AllTests.SettingsTests {
    @Test func ownerUpdatesTheBusinessData() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings")

            let page = try await browser.post("/t/\(business.slug)/settings", [
                ("legal_name", "Salón Bella S.A.C."), ("trade_name", "Bella"), ("ruc", RUCs.c),
                ("address", "Jr. Junín 456, Arequipa"), ("phone", "+51 954 000 111"), ("email", "hola@bella.pe"),
            ])

            #expect(page.location == "/t/\(business.slug)/settings?saved=true")
            let tenant = try #require(try await Tenant.find(business.id, on: app.db))
            #expect(tenant.legalName == "Salón Bella S.A.C." && tenant.tradeName == "Bella" && tenant.ruc == RUCs.c)
            #expect(tenant.address == "Jr. Junín 456, Arequipa" && tenant.email == "hola@bella.pe")
            #expect(try await browser.get("/t/\(business.slug)/settings?saved=true").body.contains("Cambios guardados"))
        }
    }

    @Test func invalidBusinessDataIsRejectedAndNothingChanges() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Salón Bella", email: "bella@example.pe")
            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings")

            let page = try await browser.post("/t/\(business.slug)/settings", [
                ("legal_name", "Otro nombre"), ("ruc", "30100070970"), ("email", "no-es-correo"),
            ])

            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("error-ruc") && page.body.contains("error-email"))
            #expect(page.body.contains(#"value="Otro nombre""#), "what the user typed is kept on the page")
            let tenant = try #require(try await Tenant.find(business.id, on: app.db))
            #expect(tenant.legalName == "Salón Bella" && tenant.ruc == RUCs.a)
        }
    }
}
