import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/salon/staff`: who takes bookings (members of the business), what each can do,
/// their week with breaks, and their days off.
enum StylistPages {
    static func routes(_ pages: any RoutesBuilder) {
        let staff = pages.grouped("staff")
        staff.get(use: list)
        staff.post(use: add)
        staff.get(":stylist", use: show)
        staff.post(":stylist", use: update)
        staff.post(":stylist", "week", use: saveWeek)
        staff.post(":stylist", "days-off", use: addDayOff)
        staff.post(":stylist", "days-off", ":closure", "delete", use: deleteDayOff)
    }

    struct Option: Encodable { let value: String; let label: String }

    struct Row: Encodable {
        let id: String
        let name: String
        let skills: String
        let days: String
        let active: Bool
    }

    struct ListPage: Encodable {
        let rows: [Row]
        let members: [Option]
        let teamHref: String
        let missing: [String]
        let errors: [String: String]
        let notice: String?
    }

    static func base(_ req: Request) throws -> String { "/t/\(try req.tenantContext.tenant.slug)/salon/staff" }

    @Sendable static func list(req: Request) async throws -> View {
        try req.require(SalonModule.manage)
        return try await renderList(req)
    }

    static func renderList(_ req: Request, errors: [String: String] = [:]) async throws -> View {
        let context = try req.tenantContext
        let stylists = try await req.tenantScope.query(SalonStylist.self).sort(\.$name).all()
        let taken = Set(stylists.map(\.userID))
        let members = try await TenantMember.query(on: req.db).filter(\.$tenant.$id == context.tenantID)
            .filter(\.$role ~~ [.owner, .staff]).with(\.$user).all()
            .filter { !taken.contains($0.$user.id) }
        let skills = Set(stylists.filter(\.active).flatMap(\.skills))
        let needed = Set(try await req.tenantScope.query(SalonService.self).filter(\.$active == true).all().map(\.skill))
        let page = ListPage(
            rows: stylists.map { stylist in
                Row(id: stylist.id!.uuidString.lowercased(), name: stylist.name, skills: stylist.skills.sorted().joined(separator: ", "),
                    days: summary(stylist.week, req.language), active: stylist.active)
            },
            members: members.map { Option(value: $0.$user.id.uuidString, label: "\($0.user.name) (\($0.user.email))") },
            teamHref: "/t/\(context.tenant.slug)/team", missing: needed.subtracting(skills).sorted(), errors: errors,
            notice: req.query[String.self, at: "saved"] != nil ? req.t("salon.staff.saved") : nil)
        return try await req.renderPage("salon/staff", page, title: req.t("salon.staff.title"), forms: true)
    }

    /// "lun–sáb" style list of the days worked, for the list.
    static func summary(_ week: StoredWeek, _ language: Language) -> String {
        let days = Weekday.allCases.filter { week.days[$0.rawValue] != nil }
        guard !days.isEmpty else { return "—" }
        return days.map { String((language == .en ? $0.displayNameEn : $0.displayName).prefix(3)) }.joined(separator: " ")
    }

    /// Makes a member of the business bookable; the week is set on the stylist's own page.
    @Sendable static func add(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        struct Form: Content { var user: String?; var skills: String? }
        let form = try req.content.decode(Form.self)
        let context = try req.tenantContext
        var errors = FieldErrors()
        let member = try await form.user.flatMap(UUID.init(uuidString:)).asyncFlatMap { id in
            try await TenantMember.query(on: req.db).filter(\.$tenant.$id == context.tenantID).filter(\.$user.$id == id)
                .filter(\.$role ~~ [.owner, .staff]).with(\.$user).first()
        }
        if member == nil { errors["user"] = req.t("salon.error.member") }
        let skills = Skills.parse(form.skills ?? "")
        if skills.isEmpty { errors["skills"] = req.t("salon.error.skills") }
        if let member, try await req.tenantScope.query(SalonStylist.self).filter(\.$userID == member.$user.id).first() != nil {
            errors["user"] = req.t("salon.error.member_taken")
        }
        guard errors.isEmpty, let member else {
            return try await renderList(req, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let stylist = SalonStylist()
        (stylist.tenantID, stylist.userID, stylist.name) = (context.tenantID, member.$user.id, member.user.name)
        (stylist.skillsText, stylist.active, stylist.createdAt) = (skills.sorted().joined(separator: ", "), true, req.application.clock.now())
        stylist.week = StoredWeek()
        try await req.tenantScope.create(stylist)
        return req.redirect(to: "\(try base(req))/\(stylist.id!.uuidString.lowercased())")
    }
}
