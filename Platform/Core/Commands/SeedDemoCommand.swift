import Fluent
import Vapor

/// Creates a demo business with its owner and every module turned on, lets each module add its
/// examples (`NicheModule.seedDemo`), and prints the logins.
struct SeedDemoCommand: AsyncCommand {
    static let email = "demo@multinicho.pe"
    static let password = "demo-multinicho"

    struct Signature: CommandSignature {
        @Flag(name: "if-empty", help: "Do nothing when the database already has a business.")
        var ifEmpty: Bool

        init() {}
    }

    var help: String { "Creates the demo business and its owner (\(Self.email)), and each module's examples." }

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
        // One transaction: a module whose examples fail leaves no half demo behind (which
        // `--if-empty` would then keep forever).
        let (tenant, lines) = try await db.transaction { db in
            let user = User(email: Self.email, name: "Rosa Quispe", passwordHash: hash, emailVerifiedAt: app.clock.now())
            try await user.create(on: db)
            let tenant = try await DemoSeed.business(
                tradeName: "Bodega Doña Rosa", legalName: "Bodega Doña Rosa E.I.R.L.", ruc: "20100070970",
                address: "Av. Los Próceres 123, San Juan de Lurigancho, Lima", phone: "+51 987 654 321",
                ownerID: try user.requireID(), modules: Set(app.modules.modules.map(\.id)), app: app, on: db)
            let enabled = try await TenantLoader.enabledModules(of: tenant.requireID(), on: db)
            var lines: [String] = []
            for module in app.modules.modules where enabled.contains(module.id) {
                let demo = DemoSeed(app: app, db: db, tenantID: try tenant.requireID(), ownerID: try user.requireID(),
                                    moduleID: module.id, passwordHash: hash)
                lines += try await module.seedDemo(demo)
            }
            return (tenant, lines)
        }
        context.console.print("Demo business: \(app.config.baseURL)/t/\(tenant.slug)")
        context.console.print("Login: \(Self.email) / \(Self.password)")
        for line in lines { context.console.print(line) }
    }
}

/// What `seed-demo` hands a module for its examples: the demo business (every module on) and
/// its owner, and ways to add the members and businesses the examples need, all signing in
/// with the demo password.
public struct DemoSeed: Sendable {
    public let app: Application
    /// The command's transaction.
    public let db: any Database
    /// The demo business, Bodega Doña Rosa (a minimarket).
    public let tenantID: UUID
    public let ownerID: UUID
    let moduleID: String
    let passwordHash: String

    /// The password of every demo login, for the lines a module prints.
    public var password: String { SeedDemoCommand.password }

    /// A second demo business, of the module's own kind (a salon's examples do not belong in a
    /// minimarket): owned by the demo owner, with only this module turned on.
    public func business(tradeName: String, legalName: String, ruc: String, address: String, phone: String) async throws -> Tenant {
        try await Self.business(tradeName: tradeName, legalName: legalName, ruc: ruc, address: address, phone: phone,
                                ownerID: ownerID, modules: [moduleID], app: app, on: db)
    }

    /// A new user with the demo password, a member of `tenantID` with `role`.
    public func member(email: String, name: String, role: Role, of tenantID: UUID) async throws -> User {
        let user = User(email: email, name: name, passwordHash: passwordHash, emailVerifiedAt: app.clock.now())
        try await user.create(on: db)
        try await TenantMember(tenantID: tenantID, userID: user.requireID(), role: role).create(on: db)
        return user
    }

    static func business(
        tradeName: String, legalName: String, ruc: String, address: String, phone: String, ownerID: UUID, modules: Set<String>,
        app: Application, on db: any Database
    ) async throws -> Tenant {
        let tenant = Tenant(slug: try await Slug.available(for: tradeName, on: db), legalName: legalName, ruc: ruc)
        tenant.tradeName = tradeName
        tenant.address = address
        tenant.phone = phone
        try await tenant.create(on: db)
        try await TenantMember(tenantID: tenant.requireID(), userID: ownerID, role: .owner).create(on: db)
        // Modules after the hooks: a membership whose plan lists modules would otherwise
        // replace the ones the demo needs.
        for hook in app.tenantCreatedHooks { try await hook(tenant, db) }
        try await TenantModules.set(modules, for: tenant.requireID(), registry: app.modules, on: db)
        // A demo is there to be looked at, not set up: sign-in goes to its dashboard.
        try await app.onboardingFinisher?(tenant.requireID(), db)
        return tenant
    }
}
