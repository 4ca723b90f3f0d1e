@testable import Core
import Fluent
import Testing
import VaporTesting

extension AllTests {
    @Suite struct APIKeyTests {}
}

extension AllTests.APIKeyTests {
    @Test func ownerCreatesAKeyThatIsShownOnceAndStoredHashed() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Minimarket Sol", email: "sol@example.pe")
            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings")

            let page = try await browser.post("/t/\(business.slug)/settings/api-keys",
                                              [("name", "n8n"), ("scopes[]", "tenant.read")])

            #expect(page.status == .created)
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            let key = try #require(page.body.firstMatch(of: /mn_[a-z0-9]{1,8}_[A-Za-z0-9_-]{20,}/).map { String($0.output) })
            let row = try #require(try await APIKey.query(on: app.db).first())
            #expect(row.keyHash != key && !row.keyHash.contains(key) && row.scopeList == ["tenant.read"])
            #expect(!(try await browser.get("/t/\(business.slug)/settings").body.contains(key)), "shown once")

            let me = try await api(app, .GET, "/api/v1/me", key: key)
            #expect(me.status == .ok)
            let tenant = try #require(try me.json()["tenant"] as? [String: Any])
            #expect(tenant["slug"] as? String == business.slug)
            #expect(try await APIKey.find(row.id, on: app.db)?.lastUsedAt != nil)
        }
    }

    @Test func missingOrWrongKeysAreUnauthorized() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Minimarket Sol", email: "sol@example.pe")
            let key = try await makeAPIKey(app, business)
            let tampered = String(key.dropLast()) + (key.hasSuffix("A") ? "B" : "A")

            for candidate in [nil, "mn_nope_nope", tampered, "garbage"] as [String?] {
                let response = try await api(app, .GET, "/api/v1/me", key: candidate)
                #expect(response.status == .unauthorized)
                #expect(try response.json()["error"] is String)
            }
        }
    }

    @Test func revokedKeyStopsWorking() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Minimarket Sol", email: "sol@example.pe")
            let key = try await makeAPIKey(app, business)
            #expect(try await api(app, .GET, "/api/v1/me", key: key).status == .ok)

            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings")
            let row = try #require(try await APIKey.query(on: app.db).first())
            let page = try await browser.post("/t/\(business.slug)/settings/api-keys/\(row.requireID())/revoke", [])

            #expect(page.status == .seeOther)
            #expect(try await api(app, .GET, "/api/v1/me", key: key).status == .unauthorized)
        }
    }

    @Test func scopesLimitWhatAKeyMayDo() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Minimarket Sol", email: "sol@example.pe", modules: ["notes"])
            let reader = try await makeAPIKey(app, business, scopes: ["notes.read"])

            #expect(try await api(app, .GET, "/api/v1/notes", key: reader).status == .ok)
            let write = try await api(app, .POST, "/api/v1/notes", key: reader, json: #"{"title":"x"}"#)
            #expect(write.status == .forbidden)
            #expect(try await TenantScope(tenantID: business.id, db: app.db).query(Note.self).count() == 0)
        }
    }

    @Test func staffCannotManageKeys() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Minimarket Sol", email: "sol@example.pe")
            _ = try await addMember(app, to: business, email: "cajero@example.pe", role: .staff)
            let browser = Browser(app)
            try await signIn(browser, "cajero@example.pe", "clave-segura-123")
            #expect(try await browser.get("/t/\(business.slug)").status == .ok)
            #expect(try await browser.get("/t/\(business.slug)/settings").status == .forbidden)
            let page = try await browser.post("/t/\(business.slug)/settings/api-keys", [("name", "x"), ("scopes[]", "*")])
            #expect(page.status == .forbidden)
            #expect(try await APIKey.query(on: app.db).count() == 0)
        }
    }

    @Test func keyWithoutScopesOrNameIsRejected() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Minimarket Sol", email: "sol@example.pe")
            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings")
            let page = try await browser.post("/t/\(business.slug)/settings/api-keys", [("name", ""), ("scopes[]", "bogus")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Elige al menos un permiso") && page.body.contains("Este campo es obligatorio"))
            #expect(try await APIKey.query(on: app.db).count() == 0)
        }
    }
}
