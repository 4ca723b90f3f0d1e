@testable import Core
import Fluent
import Vapor
import VaporTesting

/// Valid RUCs (check digit verified by the Shared tests).
enum RUCs {
    static let a = "20100070970"
    static let b = "20131312955"
    static let c = "20100047218"
}

struct Business {
    let tenant: Tenant
    let owner: User
    let password: String

    var slug: String { tenant.slug }
    var id: UUID { tenant.id! }
    var email: String { owner.email }
}

/// A tenant with its owner, straight into the database (the sign-up path has its own tests).
func makeBusiness(
    _ app: Application, name: String, email: String, password: String = "clave-segura-123",
    modules: Set<String> = []
) async throws -> Business {
    let owner = User(email: email, name: "Owner of \(name)", passwordHash: try Bcrypt.hash(password, cost: 4))
    try await owner.create(on: app.db)
    let tenant = Tenant(slug: try await Slug.available(for: name, on: app.db), legalName: name, ruc: RUCs.a)
    try await tenant.create(on: app.db)
    try await TenantMember(tenantID: tenant.requireID(), userID: owner.requireID(), role: .owner).create(on: app.db)
    try await TenantModules.set(modules, for: tenant.requireID(), registry: app.modules, on: app.db)
    return Business(tenant: tenant, owner: owner, password: password)
}

/// Adds a user with `role` to an existing business.
func addMember(_ app: Application, to business: Business, email: String, role: Role, password: String = "clave-segura-123") async throws -> User {
    let user = User(email: email, name: "Member \(email)", passwordHash: try Bcrypt.hash(password, cost: 4))
    try await user.create(on: app.db)
    try await TenantMember(tenantID: business.id, userID: user.requireID(), role: role).create(on: app.db)
    return user
}

@discardableResult
func signIn(_ browser: Browser, _ email: String, _ password: String) async throws -> Page {
    try await browser.get("/login")
    return try await browser.post("/login", [("email", email), ("password", password)])
}

func makeAPIKey(_ app: Application, _ business: Business, scopes: [String] = ["*"]) async throws -> String {
    try await APIKeys.issue(tenantID: business.id, name: "test", scopes: scopes, on: app.db,
                            secret: app.config.secretKey).plaintext
}

/// A JSON API call, with the key as a bearer token.
func api(
    _ app: Application, _ method: HTTPMethod, _ path: String, key: String? = nil, json: String? = nil
) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders()
    if let key { headers.bearerAuthorization = BearerAuthorization(token: key) }
    if json != nil { headers.contentType = .json }
    return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
}

extension TestingHTTPResponse {
    var text: String { body.string }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any] ?? [:]
    }
}

/// The business owner, signed in, with `page` open so its forms' CSRF token is at hand.
func ownerBrowser(_ app: Application, _ business: Business, opening page: String? = nil) async throws -> Browser {
    let browser = Browser(app)
    try await signIn(browser, business.email, business.password)
    if let page { try await browser.get(page) }
    return browser
}
