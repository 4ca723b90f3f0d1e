@testable import Core
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct PublicPagesTests {}
}

extension AllTests.PublicPagesTests {
    /// The business card needs no sign-in, shows how to reach the business and the links of the
    /// modules it enabled (and no others); a module's public page sees its own business only.
    @Test func theBusinessCardAndModulePublicPages() async throws {
        try await withTestApp { app in
            let rosa = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe", modules: ["notes"])
            rosa.tenant.address = "Av. Grau 123, Barranco"
            rosa.tenant.phone = "987 654 321"
            try await rosa.tenant.save(on: app.db)
            let lucho = try await makeBusiness(app, name: "Bodega Lucho", email: "lucho@example.pe")
            let key = try await makeAPIKey(app, rosa)
            #expect(try await apiPost(app, "/api/v1/notes", key: key, json: #"{"title": "Oferta"}"#).status == .created)

            let visitor = Browser(app)
            let card = try await visitor.get("/b/\(rosa.slug)")
            #expect(card.status == .ok && card.body.contains("Bodega Rosa") && card.body.contains("Av. Grau 123, Barranco"))
            #expect(card.body.contains(#"href="https://wa.me/51987654321""#))
            #expect(card.body.contains(#"href="/b/\#(rosa.slug)/notes/board""#))
            #expect(!(try await visitor.get("/b/\(lucho.slug)").body.contains("/notes/board")))

            #expect(try await visitor.get("/b/\(rosa.slug)/notes/board").body == "notes: 1")
            #expect(try await visitor.get("/b/\(lucho.slug)/notes/board").status == .notFound, "module not enabled")
            #expect(try await visitor.get("/b/no-existe").status == .notFound)
            // A signed-in member of another business is only a visitor here.
            let other = try await ownerBrowser(app, lucho)
            let seen = try await other.get("/b/\(rosa.slug)")
            #expect(seen.status == .ok && !seen.body.contains("/t/\(rosa.slug)/settings"))
        }
    }
}
