import Core
import Fluent
import Foundation

/// The onboarding's sample salon: the service templates, and the owner as a stylist with a
/// working week, so the public booking page has something to offer. Removing them deletes
/// what no booking points at and hides the rest (never bookable again, history kept).
enum SalonSamples {
    static let data = SampleData(add: add, remove: remove)

    @Sendable static func add(_ sample: SampleScope) async throws {
        let scope = sample.scope
        let names = Set(try await scope.query(SalonService.self).all().map(\.name))
        for template in ServiceTemplate.all where !names.contains(template.name) {
            let service = template.service(tenantID: sample.tenantID, now: sample.now)
            try await scope.create(service)
            try await sample.record(try service.requireID(), kind: "service")
        }
        guard let userID = sample.userID, try await scope.query(SalonStylist.self).filter(\.$userID == userID).count() == 0,
              let owner = try await User.find(userID, on: sample.db) else { return }
        let stylist = SalonDemo.stylist(user: userID, name: owner.name, skills: SalonDemo.ownerSkills, hours: SalonDemo.ownerHours,
                                        tenantID: sample.tenantID, now: sample.now)
        try await scope.create(stylist)
        try await sample.record(try stylist.requireID(), kind: "stylist")
    }

    @Sendable static func remove(_ sample: SampleScope) async throws {
        let scope = sample.scope
        let services = try await sample.recorded("service")
        let stylists = try await sample.recorded("stylist")
        guard !services.isEmpty || !stylists.isEmpty else { return }
        let items = try await scope.query(SalonBookingItem.self).group(.or) { $0.filter(\.$serviceID ~~ services).filter(\.$stylistID ~~ stylists) }.all()
        let (bookedServices, bookedStylists) = (Set(items.map(\.serviceID)), Set(items.map(\.stylistID)))
        let freeServices = services.filter { !bookedServices.contains($0) }
        let freeStylists = stylists.filter { !bookedStylists.contains($0) }
        if !freeServices.isEmpty { try await scope.query(SalonService.self).filter(\.$id ~~ freeServices).delete() }
        if !freeStylists.isEmpty { try await scope.query(SalonStylist.self).filter(\.$id ~~ freeStylists).delete() }
        if !bookedServices.isEmpty { try await scope.query(SalonService.self).filter(\.$id ~~ Array(bookedServices)).set(\.$active, to: false).update() }
        if !bookedStylists.isEmpty { try await scope.query(SalonStylist.self).filter(\.$id ~~ Array(bookedStylists)).set(\.$active, to: false).update() }
    }
}
