import Fluent
import Vapor

/// A plugin that adds a business niche (salon, minimarket, ...) to the platform.
///
/// Adding a niche is a new folder under `Niches/` with one value conforming to this protocol,
/// plus one line in the server's composition root. Everything a module mounts lives under
/// `/t/{tenant}/{id}/...` for pages and `/api/v1/{id}/...` for the API, and answers 404 to
/// tenants that have not enabled it.
public protocol NicheModule: Sendable {
    /// Stable identifier, lowercase letters, digits and dashes; used in URLs and the database.
    var id: String { get }
    var name: LocalizedText { get }
    var summary: LocalizedText { get }
    var version: String { get }
    /// Creates the module's own tables; every tenant-owned table carries an indexed `tenant_id`.
    var migrations: [any Migration] { get }
    var onboardingSteps: [OnboardingStep] { get }
    var navigation: [NavigationItem] { get }
    /// Links on the business's public page `/b/{tenant}` (booking, catalogue), relative to
    /// `/b/{tenant}/{module id}`.
    var publicNavigation: [NavigationItem] { get }
    var permissions: [Permission] { get }
    /// Domain events the module emits; they become webhook event types.
    var eventTypes: [EventType] { get }

    /// Background work the module runs, by job kind.
    var jobHandlers: [JobHandler] { get }
    /// Jobs enqueued on a cron schedule (America/Lima).
    var scheduledJobs: [ScheduledJob] { get }
    /// Reactions to domain events, its own or other modules'.
    var eventSubscribers: [EventSubscriber] { get }
    /// Messages the module sends for its events, in each language; tenants may edit them.
    var notificationTemplates: [NotificationTemplate] { get }

    /// Mounts the module's pages and API. Both builders are already behind the tenant, the
    /// module-enabled check and authentication.
    func routes(_ routes: ModuleRoutes) throws

    /// Runs when a tenant enables the module (also for tenants created later), so a module can
    /// create per-tenant defaults.
    func didEnable(for tenantID: UUID, on database: any Database) async throws

    /// Example data for `seed-demo`, run once per module enabled in the demo business, in the
    /// command's transaction. Returns lines for the command to print (links, logins).
    func seedDemo(_ demo: DemoSeed) async throws -> [String]

    /// Example data an owner can ask for during onboarding and remove with one click.
    var sampleData: SampleData? { get }

    /// Tables the module adds to the sales report.
    var reportSections: [ReportSection] { get }
}

extension NicheModule {
    public var summary: LocalizedText { name }
    public var onboardingSteps: [OnboardingStep] { [] }
    public var navigation: [NavigationItem] { [] }
    public var publicNavigation: [NavigationItem] { [] }
    public var permissions: [Permission] { [] }
    public var eventTypes: [EventType] { [] }
    public var jobHandlers: [JobHandler] { [] }
    public var scheduledJobs: [ScheduledJob] { [] }
    public var eventSubscribers: [EventSubscriber] { [] }
    public var notificationTemplates: [NotificationTemplate] { [] }
    public func didEnable(for tenantID: UUID, on database: any Database) async throws {}
    public func seedDemo(_ demo: DemoSeed) async throws -> [String] { [] }
    public var sampleData: SampleData? { nil }
    public var reportSections: [ReportSection] { [] }
}

/// The builders a module mounts its routes on.
public struct ModuleRoutes {
    /// Web pages, under `/t/{tenant}/{module id}`; the current user is a member of the tenant.
    public let pages: any RoutesBuilder
    /// JSON API, under `/api/v1/{module id}`; authenticated by an API key of the tenant.
    public let api: any RoutesBuilder
    /// Pages for the public (a booking page), under `/b/{tenant}/{module id}`: no sign-in; the
    /// principal is `.visitor`. They say "temporarily unavailable" while the business is
    /// read-only or blocked, or the module is an unpaid add-on.
    public let publicPages: any RoutesBuilder
}

/// A permission a module declares, and the roles that have it. API keys carry permission ids
/// as scopes.
public struct Permission: Sendable, Hashable {
    public let id: String
    public let description: LocalizedText
    public let roles: Set<Role>

    public init(_ id: String, _ description: LocalizedText, roles: Set<Role>) {
        self.id = id
        self.description = description
        self.roles = roles
    }
}

public struct NavigationItem: Sendable, Hashable {
    public let title: LocalizedText
    /// Path relative to the module's page root, "" for its home.
    public let path: String
    public let permission: String?

    public init(_ title: LocalizedText, path: String = "", permission: String? = nil) {
        self.title = title
        self.path = path
        self.permission = permission
    }
}

public struct EventType: Sendable, Hashable {
    /// Like `booking.cancelled`; prefixed by nothing else, so keep it unique across modules.
    public let name: String
    public let description: LocalizedText

    public init(_ name: String, _ description: LocalizedText) {
        self.name = name
        self.description = description
    }
}
