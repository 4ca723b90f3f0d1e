@testable import Core
import Fluent
import Testing
import VaporTesting

extension AllTests {
    @Suite struct ModuleTests {}
}

private struct Dummy: NicheModule {
    let id: String
    var name: LocalizedText { LocalizedText(es: id, en: id) }
    let version = "1"
    var migrations: [any Migration] { [] }
    var permissions: [Permission] = []
    var eventTypes: [EventType] = []
    func routes(_ routes: ModuleRoutes) throws {}
}

extension AllTests.ModuleTests {
    @Test func registryRefusesDuplicateInvalidAndReservedIDs() throws {
        #expect(throws: ModuleRegistry.RegistryError.duplicateID("salon")) {
            try ModuleRegistry([Dummy(id: "salon"), Dummy(id: "salon")])
        }
        #expect(throws: ModuleRegistry.RegistryError.invalidID("Salón")) { try ModuleRegistry([Dummy(id: "Salón")]) }
        #expect(throws: ModuleRegistry.RegistryError.reservedID("settings")) { try ModuleRegistry([Dummy(id: "settings")]) }
        let clash = Permission("x.read", LocalizedText(es: "", en: ""), roles: [.owner])
        #expect(throws: ModuleRegistry.RegistryError.duplicatePermission("x.read")) {
            try ModuleRegistry([Dummy(id: "a", permissions: [clash]), Dummy(id: "b", permissions: [clash])])
        }
        let event = EventType("booking.cancelled", LocalizedText(es: "", en: ""))
        #expect(throws: ModuleRegistry.RegistryError.duplicateEventType("booking.cancelled")) {
            try ModuleRegistry([Dummy(id: "a", eventTypes: [event]), Dummy(id: "b", eventTypes: [event])])
        }
        let registry = try ModuleRegistry([Dummy(id: "salon", eventTypes: [event]), Dummy(id: "minimarket")])
        #expect(registry.modules.map(\.id) == ["salon", "minimarket"])
        #expect(registry.eventTypes.map(\.name) == ["booking.cancelled"])
    }

    @Test func disabledModuleAnswers404OnPagesAndAPI() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Burbujas", email: "lava@example.pe")
            let key = try await makeAPIKey(app, business)
            let browser = try await ownerBrowser(app, business)

            #expect(try await browser.get("/t/\(business.slug)/notes").status == .notFound)
            #expect(try await api(app, .GET, "/api/v1/notes", key: key).status == .notFound)
            #expect(try await api(app, .POST, "/api/v1/notes", key: key, json: #"{"title":"x"}"#).status == .notFound)
            #expect(!(try await browser.get("/t/\(business.slug)").body.contains(#"href="/t/\#(business.slug)/notes""#)))

            try await TenantModules.enable("notes", for: business.id, registry: app.modules, on: app.db)

            #expect(try await browser.get("/t/\(business.slug)/notes").status == .ok)
            #expect(try await api(app, .POST, "/api/v1/notes", key: key, json: #"{"title":"hola"}"#).status == .created)
            #expect(try await browser.get("/t/\(business.slug)").body.contains(#"href="/t/\#(business.slug)/notes""#))
        }
    }

    @Test func disablingKeepsTheDataForWhenItIsEnabledAgain() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Burbujas", email: "lava@example.pe", modules: ["notes"])
            let key = try await makeAPIKey(app, business)
            #expect(try await api(app, .POST, "/api/v1/notes", key: key, json: #"{"title":"pedido 42"}"#).status == .created)

            let browser = try await ownerBrowser(app, business, opening: "/t/\(business.slug)/settings")
            #expect(try await browser.post("/t/\(business.slug)/settings/modules", []).status == .seeOther)
            #expect(try await api(app, .GET, "/api/v1/notes", key: key).status == .notFound)

            try await browser.get("/t/\(business.slug)/settings")
            #expect(try await browser.post("/t/\(business.slug)/settings/modules", [("modules[]", "notes")]).status == .seeOther)
            #expect(try await api(app, .GET, "/api/v1/notes", key: key).text.contains("pedido 42"))
        }
    }

    @Test func unknownModuleIdsCannotBeEnabled() async throws {
        try await withTestApp { app in
            let business = try await makeBusiness(app, name: "Lavandería Burbujas", email: "lava@example.pe")
            try await TenantModules.set(["notes", "ghost"], for: business.id, registry: app.modules, on: app.db)
            #expect(try await TenantLoader.enabledModules(of: business.id, on: app.db) == ["notes"])
        }
    }
}
