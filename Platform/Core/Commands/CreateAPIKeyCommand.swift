import Fluent
import Vapor

/// Issues an API key for a business and prints it (once): for scripts, the SDK's and the
/// API's test runs, and operators setting up an integration from a shell.
struct CreateAPIKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "tenant", help: "The business's slug (see /t/<slug>).")
        var tenant: String?
        @Option(name: "name", help: "A name to recognise the key by.")
        var name: String?
        @Option(name: "scopes", help: "Space- or comma-separated permission ids, or * (default).")
        var scopes: String?
        @Flag(name: "sandbox", help: "A sandbox key: its documents are signed but never sent to SUNAT.")
        var sandbox: Bool

        init() {}
    }

    var help: String { "Issues an API key for a business and prints it." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let slug = signature.tenant, let tenant = try await Tenant.query(on: app.db).filter(\.$slug == slug).first() else {
            throw Abort(.badRequest, reason: "--tenant must name an existing business's slug")
        }
        let known = Set(app.modules.allPermissions.map(\.id) + ["*"])
        let scopes = (signature.scopes ?? "*").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !scopes.isEmpty, scopes.allSatisfy(known.contains) else {
            throw Abort(.badRequest, reason: "unknown scope in \(scopes); known: \(known.sorted().joined(separator: " "))")
        }
        let issued = try await APIKeys.issue(tenantID: try tenant.requireID(), name: signature.name ?? "cli", scopes: scopes,
                                             sandbox: signature.sandbox, on: app.db, secret: app.config.secretKey)
        context.console.print(issued.plaintext)
    }
}
