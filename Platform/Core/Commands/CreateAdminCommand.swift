import Fluent
import Vapor

/// Creates a platform admin, or promotes an existing user. The password comes from
/// `--password` or the ADMIN_PASSWORD variable, so it need not sit in shell history.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The admin's email.")
        var email: String?
        @Option(name: "name", help: "The admin's name.")
        var name: String?
        @Option(name: "password", help: "At least 10 characters; or set ADMIN_PASSWORD.")
        var password: String?

        init() {}
    }

    var help: String { "Creates a platform admin (or promotes an existing user)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.email?.lowercased(), email.contains("@") else {
            throw Abort(.badRequest, reason: "--email is required")
        }
        if let user = try await User.query(on: app.db).filter(\.$email == email).first() {
            user.isPlatformAdmin = true
            try await user.save(on: app.db)
            context.console.print("\(email) is now a platform admin.")
            return
        }
        guard let password = signature.password ?? Environment.get("ADMIN_PASSWORD"),
              password.count >= InputRules.minimumPasswordLength else {
            throw Abort(.badRequest, reason: "--password (or ADMIN_PASSWORD) of at least 10 characters is required")
        }
        let user = User(email: email, name: signature.name ?? "Admin",
                        passwordHash: try Bcrypt.hash(password, cost: app.config.bcryptCost), isPlatformAdmin: true)
        try await user.create(on: app.db)
        context.console.print("Platform admin \(email) created.")
    }
}
