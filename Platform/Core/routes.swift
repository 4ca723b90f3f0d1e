import Vapor

extension Application {
    /// Routes under `/t/{tenant}` for signed-in members of that tenant.
    public var tenantPages: any RoutesBuilder {
        grouped(TenantPageMiddleware()).grouped("t", ":tenant").grouped(TenantAccessMiddleware(api: false))
    }

    /// Routes under `/b/{tenant}`: the business's public pages, for anyone.
    public var publicTenantPages: any RoutesBuilder {
        grouped("b", ":tenant").grouped(PublicTenantMiddleware())
    }

    /// Routes under `/api/v1` authenticated by a tenant's API key.
    public var tenantAPI: any RoutesBuilder {
        grouped("api", "v1").grouped(JSONOnlyMiddleware(), APIKeyMiddleware(), TenantAccessMiddleware(api: true))
    }
}

func routes(_ app: Application) throws {
    do { // operations
        app.get("healthz", use: OpsController.health)
        app.get("readyz", use: OpsController.ready)
        app.get("metrics", use: OpsController.metrics)
    }
    do { // public pages and sign-in
        app.get(use: AuthController.landing)
        app.get("register", use: AuthController.registerForm)
        app.post("register", use: AuthController.register)
        app.get("login", use: AuthController.loginForm)
        app.post("login", use: AuthController.login)
        app.post("logout", use: AuthController.logout)
        app.get("app", use: AuthController.home)
        app.get("verify", ":user", ":token", use: AuthController.verifyEmail)
        app.get("lang", ":code", use: AuthController.switchLanguage)
    }
    do { // password recovery
        app.get("recover", use: RecoveryController.form)
        app.post("recover", use: RecoveryController.start)
        app.get("reset", ":token", use: RecoveryController.resetForm)
        app.post("reset", ":token", use: RecoveryController.reset)
    }
    do { // joining a business from an invitation
        app.get("invite", ":token", use: InvitationController.show)
        app.post("invite", ":token", use: InvitationController.accept)
    }
    do { // the tenant's own pages
        let pages = app.tenantPages
        pages.get(use: DashboardController.show)
        pages.get("settings", use: SettingsController.show)
        pages.post("settings", use: SettingsController.update)
        pages.post("settings", "modules", use: SettingsController.updateModules)
        pages.post("settings", "api-keys", use: APIKeysController.create)
        pages.post("settings", "api-keys", ":key", "revoke", use: APIKeysController.revoke)
        app.publicTenantPages.get(use: PublicBusinessController.show)
        pages.get("team", use: TeamController.show)
        pages.post("team", "invitations", use: TeamController.invite)
        pages.post("team", "invitations", ":invitation", "revoke", use: TeamController.revoke)
        pages.post("team", "members", ":member", "remove", use: TeamController.remove)
        pages.get("jobs", use: JobsController.tenantJobs)
        pages.post("jobs", ":job", "retry", use: JobsController.retryTenantJob)
    }
    do { // the platform admin's pages
        let admin = app.grouped(PlatformAdminMiddleware()).grouped("admin")
        admin.get("jobs", use: JobsController.adminJobs)
        admin.post("jobs", ":job", "retry", use: JobsController.retryAnyJob)
    }
    do { // public API
        app.grouped("api", "v1").grouped(JSONOnlyMiddleware()).post("signup", use: PublicAPIController.signup)
        app.tenantAPI.get("me", use: PublicAPIController.me)
    }
    do { // niche modules
        try mountModules(app)
    }
}

/// Mounts every module behind the tenant resolver and its enabled check, and tags each route
/// with the module id so tools (and the cross-tenant test) can list a module's routes.
private func mountModules(_ app: Application) throws {
    for module in app.modules.modules {
        let gate = ModuleGate(moduleID: module.id)
        let pages = TaggingRoutesBuilder(
            base: app.tenantPages.grouped(gate).grouped(.constant(module.id)), moduleID: module.id)
        let api = TaggingRoutesBuilder(
            base: app.tenantAPI.grouped(gate).grouped(.constant(module.id)), moduleID: module.id)
        let publicPages = TaggingRoutesBuilder(
            base: app.publicTenantPages.grouped(gate).grouped(.constant(module.id)), moduleID: module.id)
        try module.routes(ModuleRoutes(pages: pages, api: api, publicPages: publicPages))
    }
}

struct TaggingRoutesBuilder: RoutesBuilder {
    let base: any RoutesBuilder
    let moduleID: String

    func add(_ route: Route) {
        route.userInfo["module"] = moduleID
        base.add(route)
    }
}

extension Route {
    /// The module that mounted this route, nil for the platform's own routes.
    public var moduleID: String? { userInfo["module"] as? String }
}
