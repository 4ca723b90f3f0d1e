import Shared
import Vapor

/// `/b/{tenant}`: the business's public card (name, address, how to reach it) with the links its
/// modules publish (book an appointment, see the catalogue).
enum PublicBusinessController {
    struct Link: Encodable { let title: String; let href: String }

    struct Page: Encodable {
        let name: String
        let address: String?
        let phone: String?
        let whatsApp: String?
        let email: String?
        let links: [Link]
    }

    @Sendable static func show(req: Request) async throws -> View {
        let context = try req.tenantContext
        let tenant = context.tenant
        var links: [Link] = []
        for module in req.application.modules.modules where context.enabledModules.contains(module.id) {
            for item in module.publicNavigation {
                let suffix = item.path.isEmpty ? "" : "/\(item.path)"
                links.append(Link(title: item.title.text(for: req.language), href: "/b/\(tenant.slug)/\(module.id)\(suffix)"))
            }
        }
        let mobile = tenant.phone.flatMap { try? PeruMobile($0) }
        let page = Page(name: tenant.displayName, address: tenant.address, phone: tenant.phone,
                        whatsApp: mobile.map { "https://wa.me/\($0.digits)" }, email: tenant.email, links: links)
        return try await req.renderPage("public/business", page, title: tenant.displayName)
    }

    struct Unavailable: Encodable { let name: String }

    static func unavailable(_ req: Request, _ tenant: Tenant) async throws -> Response {
        let response = try await req.renderPage("public/unavailable", Unavailable(name: tenant.displayName),
                                                title: tenant.displayName).encodeResponse(status: .serviceUnavailable, for: req)
        response.headers.replaceOrAdd(name: .retryAfter, value: "3600")
        return response
    }
}
