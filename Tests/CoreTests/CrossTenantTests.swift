@testable import Core
import Fluent
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct CrossTenantTests {}
}

private let secret = "SECRETO-DE-B"

/// Two businesses with the notes module; B owns a note whose title must never reach A.
private func twoTenants(_ app: Application) async throws -> (a: Business, b: Business, bNote: UUID) {
    let a = try await makeBusiness(app, name: "Negocio A", email: "a@example.pe", modules: ["notes"])
    let b = try await makeBusiness(app, name: "Negocio B", email: "b@example.pe", modules: ["notes"])
    let note = Note(title: secret)
    try await TenantScope(tenantID: b.id, db: app.db).create(note)
    return (a, b, try note.requireID())
}

private func path(of route: Route, tenant: String, id: UUID) -> String {
    "/" + route.path.map { component -> String in
        switch component {
        case .parameter("tenant"): tenant
        case .parameter: id.uuidString
        default: component.description
        }
    }.joined(separator: "/")
}

extension AllTests.CrossTenantTests {
    @Test func everyModuleRouteAsTenantAAgainstTenantBsIdsReturnsNothingOfB() async throws {
        try await withTestApp { app in
            let (a, b, bNote) = try await twoTenants(app)
            let key = try await makeAPIKey(app, a)
            let browser = Browser(app)
            try await signIn(browser, a.email, a.password)
            try await browser.get("/t/\(a.slug)")

            let routes = app.routes.all.filter { $0.moduleID == "notes" }
            #expect(routes.count == 10, "4 pages, 5 API routes and the public board")
            for route in routes {
                let target = path(of: route, tenant: a.slug, id: bNote)
                let isAPI = target.hasPrefix("/api/")
                let status: HTTPStatus
                let body: String
                if isAPI {
                    let json: String? = [.POST, .PUT].contains(route.method) ? #"{"title":"pwned"}"# : nil
                    let response = try await api(app, route.method, target, key: key, json: json)
                    (status, body) = (response.status, response.text)
                } else if route.method == .POST {
                    let page = try await browser.post(target, [("title", "pwned")])
                    (status, body) = (page.status, page.body)
                } else {
                    let page = try await browser.get(target)
                    (status, body) = (page.status, page.body)
                }
                #expect(!body.contains(secret), "\(route.method) \(target) leaked B's data")
                if route.path.contains(where: { $0 == .parameter("id") }) {
                    #expect(status == .notFound, "\(route.method) \(target) answered \(status)")
                }
            }
            let survivor = try #require(try await TenantScope(tenantID: b.id, db: app.db).find(Note.self, bNote))
            #expect(survivor.title == secret, "B's note is untouched")
        }
    }

    @Test func tenantASessionOnTenantBsPagesIs404() async throws {
        try await withTestApp { app in
            let (a, b, bNote) = try await twoTenants(app)
            let browser = Browser(app)
            try await signIn(browser, a.email, a.password)
            try await browser.get("/t/\(a.slug)/settings")

            let tenantRoutes = app.routes.all.filter { $0.path.first == .constant("t") }
            #expect(tenantRoutes.count >= 11 && tenantRoutes.contains { $0.moduleID == "notes" })
            for route in tenantRoutes {
                let target = path(of: route, tenant: b.slug, id: bNote)
                let page = route.method == .POST ? try await browser.post(target, [("title", "x"), ("legal_name", "x"), ("ruc", RUCs.c)])
                    : try await browser.get(target)
                #expect(page.status == .notFound, "\(route.method) \(target) answered \(page.status)")
                #expect(!page.body.contains(secret) && !page.body.contains("Negocio B"))
            }
            let tenantB = try #require(try await Tenant.find(b.id, on: app.db))
            #expect(tenantB.legalName == "Negocio B" && tenantB.ruc == RUCs.a)
        }
    }

    @Test func listsShowOnlyTheCallersRows() async throws {
        try await withTestApp { app in
            let (a, _, _) = try await twoTenants(app)
            try await TenantScope(tenantID: a.id, db: app.db).create(Note(title: "nota de A"))
            let key = try await makeAPIKey(app, a)
            let list = try await api(app, .GET, "/api/v1/notes", key: key).text
            #expect(list.contains("nota de A") && !list.contains(secret))
        }
    }

    @Test func platformAdminMaySeeAnyTenant() async throws {
        try await withTestApp { app in
            let (_, b, _) = try await twoTenants(app)
            let admin = User(email: "admin@multinicho.pe", name: "Admin", passwordHash: try Bcrypt.hash("clave-admin-123", cost: 4),
                             isPlatformAdmin: true)
            try await admin.create(on: app.db)
            let browser = Browser(app)
            try await signIn(browser, admin.email, "clave-admin-123")
            #expect(try await browser.get("/t/\(b.slug)/notes").body.contains(secret))
        }
    }
}
