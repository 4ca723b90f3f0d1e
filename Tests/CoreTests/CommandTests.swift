@testable import Core
import Fluent
import Testing
import VaporTesting

extension AllTests {
    @Suite struct CommandTests {}
}

extension AllTests.CommandTests {
    @Test func seedDemoCreatesABusinessWhoseOwnerCanLogIn() async throws {
        try await withTestApp { app in
            PlatformCommands.register(on: app)
            let output = try await runCommand(app, ["seed-demo", "--if-empty"])

            #expect(output.contains("Login: demo@multinicho.pe / demo-multinicho"))
            let tenant = try #require(try await Tenant.query(on: app.db).first())
            #expect(try await TenantLoader.enabledModules(of: tenant.requireID(), on: app.db) == ["notes"])
            let browser = Browser(app)
            #expect(try await signIn(browser, "demo@multinicho.pe", "demo-multinicho").status == .seeOther)
            #expect(try await browser.get("/t/\(tenant.slug)").body.contains("Bodega Doña Rosa"))

            let again = try await runCommand(app, ["seed-demo", "--if-empty"])
            #expect(again.contains("not seeded"))
            #expect(try await Tenant.query(on: app.db).count() == 1)
        }
    }

    @Test func createAdminMakesAPlatformAdmin() async throws {
        try await withTestApp { app in
            PlatformCommands.register(on: app)
            _ = try await runCommand(app, ["create-admin", "--email", "Jefa@Multinicho.pe", "--password", "clave-admin-123"])
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "jefa@multinicho.pe").first())
            #expect(admin.isPlatformAdmin)

            await #expect(throws: (any Error).self) {
                try await runCommand(app, ["create-admin", "--email", "otro@multinicho.pe", "--password", "corta"])
            }
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }
}
