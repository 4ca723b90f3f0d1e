import Fluent
import Vapor

/// What a business may do right now, as a platform service decides it (memberships: a
/// business that does not pay is warned, then read-only, then blocked). Core enforces it on
/// every tenant page and API call; the service only decides.
public struct TenantAccess: Sendable {
    public enum Level: Sendable, Equatable {
        /// Everything works.
        case full
        /// Reads work; writes are refused (402 on the API, a page saying why on the web).
        case readOnly
        /// Only the pages under `openPaths` (the pay page) work; the API answers 402.
        case blocked
    }

    public var level: Level
    /// A banner for every page of the business (es, en), with where to pay.
    public var notice: LocalizedText?
    public var payPath: String?
    /// Said in 402 answers: what is owed and where to pay it.
    public var amount: String?
    public var state: String?
    /// Paths below `/t/{tenant}/` that stay open when blocked or read-only (the pay page).
    public var openPaths: [String]
    /// Modules blocked on their own (an unpaid add-on), whatever the level.
    public var blockedModules: Set<String> = []

    public init(level: Level, notice: LocalizedText? = nil, payPath: String? = nil, amount: String? = nil,
                state: String? = nil, openPaths: [String] = []) {
        self.level = level
        self.notice = notice
        self.payPath = payPath
        self.amount = amount
        self.state = state
        self.openPaths = openPaths
    }

    public static let full = TenantAccess(level: .full)
}

/// The service that decides `TenantAccess` (registered by Billing).
public protocol TenantGate: Sendable {
    func access(for tenant: Tenant, on db: any Database, app: Application) async throws -> TenantAccess
}

extension Application {
    private struct GateKey: StorageKey { typealias Value = any TenantGate }
    private struct CreatedHooksKey: StorageKey { typealias Value = [@Sendable (Tenant, any Database) async throws -> Void] }

    public var tenantGate: (any TenantGate)? {
        get { storage[GateKey.self] }
        set { storage[GateKey.self] = newValue }
    }

    /// Run in the transaction that creates a business (its membership starts there).
    public var tenantCreatedHooks: [@Sendable (Tenant, any Database) async throws -> Void] {
        get { storage[CreatedHooksKey.self] ?? [] }
        set { storage[CreatedHooksKey.self] = newValue }
    }

    private struct UpdatedHooksKey: StorageKey { typealias Value = [@Sendable (Tenant, any Database) async throws -> Void] }

    /// Run in the transaction that saves a business's own data (its RUC, names, address), for
    /// the copies other parts keep (the invoicing issuer).
    public var tenantUpdatedHooks: [@Sendable (Tenant, any Database) async throws -> Void] {
        get { storage[UpdatedHooksKey.self] ?? [] }
        set { storage[UpdatedHooksKey.self] = newValue }
    }

    /// Saves the business's data and lets the hooks follow, in one transaction.
    public func saveDetails(of tenant: Tenant, on db: any Database) async throws {
        let hooks = tenantUpdatedHooks
        try await db.transaction { tx in
            try await tenant.save(on: tx)
            for hook in hooks { try await hook(tenant, tx) }
        }
    }
}

extension Request {
    private struct AccessKey: StorageKey { typealias Value = TenantAccess }

    /// The access decided for this request's business (full when no gate is registered).
    public internal(set) var tenantAccess: TenantAccess? {
        get { storage[AccessKey.self] }
        set { storage[AccessKey.self] = newValue }
    }
}

/// Enforces the gate's decision after the tenant is resolved. Platform admins pass always.
struct TenantAccessMiddleware: AsyncMiddleware {
    let api: Bool

    struct PaymentRequired: Content {
        let error: String
        let code: String
        let state: String?
        let amount: String?
        let pay_url: String?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let gate = request.application.tenantGate, let context = request.optionalTenantContext else {
            return try await next.respond(to: request)
        }
        if case .platformAdmin = context.principal { return try await next.respond(to: request) }
        let access = try await gate.access(for: context.tenant, on: request.db, app: request.application)
        request.tenantAccess = access
        let base = "/t/\(context.tenant.slug)/"
        let open = access.openPaths.contains { request.url.path.hasPrefix(base + $0) }
        let writes = ![.GET, .HEAD, .OPTIONS].contains(request.method)
        switch access.level {
        case .full:
            return try await next.respond(to: request)
        case .readOnly where !writes || open, .blocked where open && !api:
            return try await next.respond(to: request)
        case .readOnly, .blocked:
            if api || request.wantsJSON { return try paymentRequired(request, access) }
            if access.level == .blocked, let pay = access.payPath { return request.redirect(to: "/t/\(context.tenant.slug)/\(pay)") }
            throw Abort(.paymentRequired, reason: access.notice?.text(for: request.language) ?? request.t("membership.read_only"))
        }
    }

    private func paymentRequired(_ request: Request, _ access: TenantAccess) throws -> Response {
        let base = request.application.config.baseURL
        let slug = (try? request.tenantContext.tenant.slug) ?? ""
        let body = PaymentRequired(
            error: access.notice?.text(for: request.language) ?? request.t("membership.read_only"), code: "payment_required",
            state: access.state, amount: access.amount, pay_url: access.payPath.map { "\(base)/t/\(slug)/\($0)" })
        let response = Response(status: .paymentRequired)
        try response.content.encode(body, as: .json)
        return response
    }
}

/// Quotas a business's plan sets, checked by the service that uses them (invoicing counts its
/// documents) and decided by the service that sells them (Billing).
public enum TenantLimit: Sendable {
    /// Documents sent to SUNAT this calendar month (Lima); sandbox ones do not count.
    case documentsThisMonth(used: Int)
    /// Staff users of the business (members with the staff role and pending staff invitations).
    case staffUsers(current: Int)
}

public protocol TenantLimits: Sendable {
    /// Why the business may not go over `limit` now, or nil when it may.
    func refusal(_ limit: TenantLimit, tenantID: UUID, on db: any Database) async throws -> LocalizedText?
}

extension Application {
    private struct LimitsKey: StorageKey { typealias Value = any TenantLimits }

    public var tenantLimits: (any TenantLimits)? {
        get { storage[LimitsKey.self] }
        set { storage[LimitsKey.self] = newValue }
    }
}
