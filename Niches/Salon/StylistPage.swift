import Core
import Fluent
import Foundation
import Shared
import Vapor

/// One stylist's page: name, skills and whether they take bookings; their week, one row per
/// weekday with breaks; their days off. Changes apply to new bookings only.
extension StylistPages {
    struct DayRow: Encodable {
        let number: Int
        let name: String
        let open: Bool
        let from: String
        let to: String
        let breaks: String
        let error: String?
    }

    struct DayOff: Encodable { let id: String; let date: String; let reason: String }

    struct StylistPage: Encodable {
        let id: String
        let name: String
        let skills: String
        let active: Bool
        let days: [DayRow]
        let daysOff: [DayOff]
        let today: String
        let errors: [String: String]
        let notice: String?
    }

    /// Monday first, as a salon plans its week.
    static let weekOrder: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(SalonModule.manage)
        return try await renderStylist(req, try await stylist(req))
    }

    static func renderStylist(_ req: Request, _ stylist: SalonStylist, fields: [String: String]? = nil,
                              errors: [String: String] = [:]) async throws -> View {
        let today = LimaDate(req.application.clock.now())
        let closures = try await req.tenantScope.query(SalonClosure.self).filter(\.$stylistID == stylist.id)
            .filter(\.$day >= today.dayNumber).sort(\.$day).all()
        let page = StylistPage(
            id: stylist.id!.uuidString.lowercased(), name: fields?["name"] ?? stylist.name, skills: fields?["skills"] ?? stylist.skillsText,
            active: stylist.active, days: dayRows(stylist.week, fields: fields, errors: errors, req.language),
            daysOff: closures.map { DayOff(id: $0.id!.uuidString.lowercased(), date: $0.date.formatted, reason: $0.reason) },
            today: today.iso, errors: errors,
            notice: req.query[String.self, at: "saved"] != nil ? req.t("salon.staff.saved") : nil)
        return try await req.renderPage("salon/stylist", page, title: stylist.name, forms: true)
    }

    /// The saved week, or what was just typed when it was refused; a stylist without hours
    /// yet is offered Monday to Saturday 09:00–18:00 with lunch, unticked until saved.
    static func dayRows(_ week: StoredWeek, fields: [String: String]?, errors: [String: String], _ language: Language) -> [DayRow] {
        weekOrder.map { day in
            let key = day.rawValue
            let name = language == .en ? day.displayNameEn : day.displayName
            if let fields {
                return DayRow(number: key, name: name, open: fields["open_\(key)"] != nil, from: fields["from_\(key)"] ?? "",
                              to: fields["to_\(key)"] ?? "", breaks: fields["breaks_\(key)"] ?? "", error: errors["day_\(key)"])
            }
            guard let hours = week.days[key] else {
                return DayRow(number: key, name: name, open: false, from: "09:00", to: "18:00",
                              breaks: day == .sunday ? "" : "13:00-14:00", error: nil)
            }
            return DayRow(number: key, name: name, open: true, from: SalonText.clock(hours.open.start), to: SalonText.clock(hours.open.end),
                          breaks: hours.breaks.map { "\(SalonText.clock($0.start))-\(SalonText.clock($0.end))" }.joined(separator: ", "),
                          error: nil)
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let stylist = try await stylist(req)
        let fields = try req.content.decode([String: String].self)
        var errors = FieldErrors()
        let name = InputRules.required(fields["name"], "name", into: &errors, req)
        let skills = Skills.parse(fields["skills"] ?? "")
        if skills.isEmpty { errors["skills"] = req.t("salon.error.skills") }
        guard errors.isEmpty, let name else {
            return try await renderStylist(req, stylist, fields: fields, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        (stylist.name, stylist.skillsText, stylist.active) = (name, skills.sorted().joined(separator: ", "), fields["active"] != nil)
        try await stylist.save(on: req.db)
        return req.redirect(to: "\(try base(req))/\(stylist.id!.uuidString.lowercased())?saved=1")
    }

    /// The whole week at once; one bad day refuses the save and says which day and why.
    @Sendable static func saveWeek(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let stylist = try await stylist(req)
        let fields = try req.content.decode([String: String].self)
        do {
            stylist.week = try CatalogInput.week(fields, req)
            try await stylist.save(on: req.db)
        } catch let errors as FieldErrors {
            return try await renderStylist(req, stylist, fields: fields, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))/\(stylist.id!.uuidString.lowercased())?saved=1")
    }

    @Sendable static func addDayOff(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let stylist = try await stylist(req)
        struct Form: Content { var day: String?; var reason: String? }
        let form = try req.content.decode(Form.self)
        do {
            let date = try CatalogInput.futureDate(form.day, today: LimaDate(req.application.clock.now()), req)
            try await addClosure(date, stylist: stylist.id, reason: form.reason, req)
        } catch let errors as FieldErrors {
            return try await renderStylist(req, stylist, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))/\(stylist.id!.uuidString.lowercased())?saved=1")
    }

    @Sendable static func deleteDayOff(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let stylist = try await stylist(req)
        let closure = try await req.tenantScope.require(SalonClosure.self, req.parameters.get("closure", as: UUID.self))
        guard closure.stylistID == stylist.id else { throw Abort(.notFound) }
        try await closure.delete(on: req.db)
        return req.redirect(to: "\(try base(req))/\(stylist.id!.uuidString.lowercased())?saved=1")
    }

    /// A day nobody (`stylist` nil: a holiday) or one stylist works; once per day and person.
    /// Bookings already made that day stay: the agenda shows them to cancel or move.
    static func addClosure(_ date: LimaDate, stylist: UUID?, reason: String?, _ req: Request) async throws {
        let scope = try req.tenantScope
        let existing = try await scope.query(SalonClosure.self).filter(\.$day == date.dayNumber).filter(\.$stylistID == stylist).first()
        guard existing == nil else { return }
        let closure = SalonClosure()
        (closure.tenantID, closure.stylistID, closure.day) = (scope.tenantID, stylist, date.dayNumber)
        closure.reason = reason?.trimmingCharacters(in: .whitespaces) ?? ""
        try await scope.create(closure)
    }

    static func stylist(_ req: Request) async throws -> SalonStylist {
        try await req.tenantScope.require(SalonStylist.self, req.parameters.get("stylist", as: UUID.self))
    }
}
