import Fluent
import Leaf
import Vapor

/// What every page's layout needs besides its own content.
struct PageUser: Encodable { let name: String; let email: String; let isAdmin: Bool }
struct PageTenant: Encodable { let slug: String; let name: String }
struct NavLink: Encodable { let title: String; let href: String }
/// The banner a platform service puts on every page of a business (an unpaid membership).
struct PageNotice: Encodable { let text: String; let href: String?; let blocking: Bool }

struct PageContext<Content: Encodable>: Encodable {
    let lang: String
    let title: String
    let csrf: String?
    let path: String
    let dev: Bool
    let user: PageUser?
    let tenant: PageTenant?
    let nav: [NavLink]
    let notice: PageNotice?
    let content: Content
}

extension Request {
    /// Renders a Leaf page inside the layout. `forms` starts a session (for the CSRF token) on
    /// pages that post; other anonymous pages stay cookie-free.
    public func renderPage<C: Encodable>(_ template: String, _ content: C, title: String, forms: Bool = false) async throws -> View {
        let context = PageContext(
            lang: language.rawValue,
            title: title,
            csrf: forms || hasSession ? csrfToken : nil,
            path: url.path,
            dev: application.config.isDevelopment,
            user: currentUser.map { PageUser(name: $0.name, email: $0.email, isAdmin: $0.isPlatformAdmin) },
            tenant: optionalTenantContext.map { PageTenant(slug: $0.tenant.slug, name: $0.tenant.displayName) },
            nav: navigation(),
            notice: pageNotice(),
            content: content)
        return try await view.render(template, context)
    }

    private func pageNotice() -> PageNotice? {
        guard let access = tenantAccess, let text = access.notice?.text(for: language),
              let slug = optionalTenantContext?.tenant.slug else { return nil }
        return PageNotice(text: text, href: access.payPath.map { "/t/\(slug)/\($0)" }, blocking: access.level != .full)
    }

    /// Menu entries: the core's pages, then each enabled module's entries the user may see.
    private func navigation() -> [NavLink] {
        guard let context = optionalTenantContext, context.user != nil else { return [] }
        if case .visitor = context.principal { return [] }
        let base = "/t/\(context.tenant.slug)"
        var items: [NavLink] = [.init(title: t("nav.dashboard"), href: base)]
        let registry = application.modules
        for item in application.platformNavigation where item.permission.map({ context.has($0, registry: registry) }) ?? true {
            items.append(.init(title: item.title.text(for: language), href: "\(base)/\(item.path)"))
        }
        for module in registry.modules where context.enabledModules.contains(module.id) {
            for item in module.navigation where item.permission.map({ context.has($0, registry: registry) }) ?? true {
                let suffix = item.path.isEmpty ? "" : "/\(item.path)"
                items.append(.init(title: item.title.text(for: language), href: "\(base)/\(module.id)\(suffix)"))
            }
        }
        if context.has(CorePermission.settings.id, registry: registry) {
            items.append(.init(title: t("team.title"), href: "\(base)/team"))
            items.append(.init(title: t("nav.settings"), href: "\(base)/settings"))
        }
        return items
    }
}
