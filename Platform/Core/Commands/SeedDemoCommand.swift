import Fluent
import Vapor

/// Creates a demo business with its owner and every module turned on, and prints the login.
struct SeedDemoCommand: AsyncCommand {
    static let email = "demo@multinicho.pe"
    static let password = "demo-multinicho"

    struct Signature: CommandSignature {
        @Flag(name: "if-empty", help: "Do nothing when the database already has a business.")
        var ifEmpty: Bool

        init() {}
    }

    var help: String { "Creates the demo business and its owner (\(Self.email))." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let db = app.db
        if signature.ifEmpty, try await Tenant.query(on: db).count() > 0 {
            context.console.print("Database already has businesses; demo not seeded.")
            return
        }
        if try await User.query(on: db).filter(\.$email == Self.email).first() != nil {
            context.console.print("Demo owner already exists. Login: \(Self.email) / \(Self.password)")
            return
        }
        let hash = try Bcrypt.hash(Self.password, cost: app.config.bcryptCost)
        let tenant = try await db.transaction { db in
            let user = User(email: Self.email, name: "Rosa Quispe", passwordHash: hash)
            try await user.create(on: db)
            let tenant = Tenant(slug: try await Slug.available(for: "Bodega Doña Rosa", on: db),
                                legalName: "Bodega Doña Rosa E.I.R.L.", ruc: "20100070970")
            tenant.tradeName = "Bodega Doña Rosa"
            tenant.address = "Av. Los Próceres 123, San Juan de Lurigancho, Lima"
            tenant.phone = "+51 987 654 321"
            try await tenant.create(on: db)
            try await TenantMember(tenantID: tenant.requireID(), userID: user.requireID(), role: .owner).create(on: db)
            try await TenantModules.set(Set(app.modules.modules.map(\.id)), for: tenant.requireID(),
                                        registry: app.modules, on: db)
            for hook in app.tenantCreatedHooks { try await hook(tenant, db) }
            return tenant
        }
        context.console.print("Demo business: \(app.config.baseURL)/t/\(tenant.slug)")
        context.console.print("Login: \(Self.email) / \(Self.password)")
    }
}
