import Core
import Fluent
import Foundation
import Vapor

/// The platform as a business of its own: it receives the memberships' payments and issues
/// their SUNAT documents through the same invoicing as everyone. Made on first use from
/// `PLATFORM_RUC` / `PLATFORM_NAME`.
enum PlatformAccount {
    static let slug = "multinicho-plataforma"

    static func tenant(app: Application, on db: any Database) async throws -> Tenant {
        if let tenant = try await Tenant.query(on: db).filter(\.$slug == slug).first() { return tenant }
        let env = ProcessInfo.processInfo.environment
        let tenant = Tenant(slug: slug, legalName: env["PLATFORM_NAME"] ?? "MULTINICHO S.A.C.", ruc: env["PLATFORM_RUC"] ?? "20100047218")
        tenant.tradeName = "Multinicho"
        do {
            try await tenant.create(on: db)
        } catch {
            if let made = try await Tenant.query(on: db).filter(\.$slug == slug).first() { return made }
            throw error
        }
        return tenant
    }
}
