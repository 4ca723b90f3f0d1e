import Core
import Fluent
import Foundation
import Shared

extension SalonModule {
    /// The salon's examples for `seed-demo`: a business of its own, Salón Rosa (the demo
    /// business is a minimarket), published, so its booking page takes bookings at once.
    public func seedDemo(_ demo: DemoSeed) async throws -> [String] {
        try await SalonDemo.seed(demo)
    }
}

/// Salón Rosa: every service template, two stylists (staff who sign in with the demo
/// password) plus the owner, who does cuts and colour herself.
enum SalonDemo {
    struct StylistSpec { let email: String; let name: String; let skills: String; let hours: DayHours }

    /// Lunch at different hours, so someone with each skill is in the salon all day.
    static let stylists = [
        StylistSpec(email: "ana@salon-rosa.pe", name: "Ana Torres", skills: "alisado, keratina, corte",
                    hours: DayHours(open: .init(9 * 60, 19 * 60), breaks: [.init(13 * 60, 14 * 60)])),
        StylistSpec(email: "bea@salon-rosa.pe", name: "Bea Flores", skills: "alisado, keratina, tinte",
                    hours: DayHours(open: .init(10 * 60, 20 * 60), breaks: [.init(14 * 60, 15 * 60)])),
    ]
    static let ownerSkills = "corte, tinte"
    static let ownerHours = DayHours(open: .init(9 * 60, 17 * 60), breaks: [.init(13 * 60, 14 * 60)])

    static func seed(_ demo: DemoSeed) async throws -> [String] {
        let salon = try await demo.business(
            tradeName: "Salón Rosa", legalName: "Salón Rosa E.I.R.L.", ruc: "20604187355",
            address: "Jr. Las Camelias 456, Miraflores, Lima", phone: "+51 912 345 678")
        let tenantID = try salon.requireID()
        let scope = TenantScope(tenantID: tenantID, db: demo.db)
        let now = demo.app.clock.now()
        for template in ServiceTemplate.all { try await scope.create(template.service(tenantID: tenantID, now: now)) }
        for spec in stylists {
            let user = try await demo.member(email: spec.email, name: spec.name, role: .staff, of: tenantID)
            try await scope.create(stylist(user: try user.requireID(), name: spec.name, skills: spec.skills, hours: spec.hours,
                                           tenantID: tenantID, now: now))
        }
        guard let owner = try await User.find(demo.ownerID, on: demo.db) else { throw DemoSeedFailure("the demo owner is gone") }
        try await scope.create(stylist(user: demo.ownerID, name: owner.name, skills: ownerSkills, hours: ownerHours, tenantID: tenantID, now: now))
        let settings = try await SalonCatalog.settings(tenantID, now: now, on: demo.db)
        (settings.rulesReviewed, settings.published, settings.updatedAt) = (true, true, now)
        try await settings.save(on: demo.db)
        let base = demo.app.config.baseURL
        return ["Demo salon: \(base)/t/\(salon.slug) (booking page: \(base)/b/\(salon.slug)/salon)"]
            + stylists.map { "Stylist login: \($0.email) / \(demo.password) (\($0.name))" }
    }

    /// Monday (2) to Saturday (7); Sunday (1) off.
    static func stylist(user: UUID, name: String, skills: String, hours: DayHours, tenantID: UUID, now: Date) -> SalonStylist {
        let row = SalonStylist()
        (row.tenantID, row.userID, row.name, row.skillsText, row.active, row.createdAt) = (tenantID, user, name, skills, true, now)
        row.week = StoredWeek(days: Dictionary(uniqueKeysWithValues: (2...7).map { ($0, hours) }))
        return row
    }
}

struct DemoSeedFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
