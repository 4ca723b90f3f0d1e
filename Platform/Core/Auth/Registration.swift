import Fluent
import Shared
import Vapor

/// Self-serve sign-up: one user and their business as its first tenant, created together or
/// not at all.
enum Registration {
    struct Input: Content {
        var business_name: String?
        var ruc: String?
        var owner_name: String?
        var email: String?
        var password: String?
    }

    struct Valid {
        let businessName: String
        let ruc: RUC
        let ownerName: String
        let email: String
        let password: String
    }

    static func validate(_ input: Input, _ req: Request) async throws -> Valid {
        var errors = FieldErrors()
        let business = InputRules.required(input.business_name, "business_name", into: &errors, req)
        let ruc = InputRules.ruc(input.ruc, into: &errors, req)
        let owner = InputRules.required(input.owner_name, "owner_name", into: &errors, req)
        let email = InputRules.email(input.email, into: &errors, req)
        let password = InputRules.password(input.password, into: &errors, req)
        if let email, try await User.query(on: req.db).filter(\.$email == email).count() > 0 {
            errors["email"] = req.t("field.email_taken")
        }
        try errors.throwIfAny()
        guard let business, let ruc, let owner, let email, let password else { throw errors }
        return Valid(businessName: business, ruc: ruc, ownerName: owner, email: email, password: password)
    }

    static func register(_ input: Input, _ req: Request) async throws -> (User, Tenant) {
        let valid = try await validate(input, req)
        let hash = try await req.password.async.hash(valid.password)
        do {
            return try await req.db.transaction { db in
                let user = User(email: valid.email, name: valid.ownerName, passwordHash: hash)
                try await user.create(on: db)
                let tenant = Tenant(
                    slug: try await Slug.available(for: valid.businessName, on: db),
                    legalName: valid.businessName, ruc: valid.ruc.value)
                try await tenant.create(on: db)
                try await TenantMember(tenantID: tenant.requireID(), userID: user.requireID(), role: .owner).create(on: db)
                for hook in req.application.tenantCreatedHooks { try await hook(tenant, db) }
                try await EmailVerification.send(to: user, app: req.application, language: req.language, on: db)
                return (user, tenant)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two sign-ups with one email raced past the check above; the unique index decided.
            throw FieldErrors(["email": req.t("field.email_taken")])
        }
    }
}

/// URL names for tenants: `Bodega Doña Rosa` → `bodega-dona-rosa`, `-2`, `-3`... when taken.
public enum Slug {
    static let reserved: Set<String> = ["admin", "api", "app", "login", "logout", "register", "dev", "new"]

    public static func make(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "es_PE"))
            .lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-"), !slug.isEmpty {
                slug += "-"
            }
        }
        let trimmed = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(40))
        return trimmed.isEmpty ? "negocio" : trimmed
    }

    static func available(for name: String, on db: any Database) async throws -> String {
        let base = make(name)
        let taken = Set(try await Tenant.query(on: db).filter(\.$slug =~ base).all().map(\.slug))
        if !taken.contains(base), !reserved.contains(base) { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}
