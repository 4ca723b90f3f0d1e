import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/salon/rules`: how clients may book (interval, notice, days ahead, time to pay,
/// time to cancel), the salon's holidays, and whether the booking page is open to the public.
enum RulesPages {
    static func routes(_ pages: any RoutesBuilder) {
        let rules = pages.grouped("rules")
        rules.get(use: show)
        rules.post(use: save)
        rules.post("publish", use: publish)
        rules.post("holidays", use: addHoliday)
        rules.post("holidays", ":closure", "delete", use: deleteHoliday)
    }

    struct Form: Content {
        var slot_interval: String?
        var minimum_notice: String?
        var max_days_ahead: String?
        var hold_minutes: String?
        var cancel_window_hours: String?
    }

    struct Page: Encodable {
        let form: Form
        let errors: [String: String]
        let reviewed: Bool
        let published: Bool
        let publicLink: String
        let holidays: [StylistPages.DayOff]
        let today: String
        let notice: String?
    }

    static func base(_ req: Request) throws -> String { "/t/\(try req.tenantContext.tenant.slug)/salon/rules" }

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(SalonModule.manage)
        return try await render(req)
    }

    static func render(_ req: Request, form: Form? = nil, errors: [String: String] = [:], notice: String? = nil) async throws -> View {
        let context = try req.tenantContext
        let now = req.application.clock.now()
        let settings = try await SalonCatalog.settings(context.tenantID, now: now, on: req.db)
        let today = LimaDate(now)
        let holidays = try await req.tenantScope.query(SalonClosure.self).filter(\.$stylistID == nil)
            .filter(\.$day >= today.dayNumber).sort(\.$day).all()
        let page = Page(
            form: form ?? Form(slot_interval: "\(settings.slotInterval)", minimum_notice: "\(settings.minimumNotice)",
                               max_days_ahead: "\(settings.maxDaysAhead)", hold_minutes: "\(settings.holdMinutes)",
                               cancel_window_hours: "\(settings.cancelWindowHours)"),
            errors: errors, reviewed: settings.rulesReviewed, published: settings.published,
            publicLink: "\(req.application.config.baseURL)/b/\(context.tenant.slug)/salon",
            holidays: holidays.map { .init(id: $0.id!.uuidString.lowercased(), date: $0.date.formatted, reason: $0.reason) },
            today: today.iso,
            notice: notice ?? (req.query[String.self, at: "saved"] != nil ? req.t("salon.rules.saved") : nil))
        return try await req.renderPage("salon/rules", page, title: req.t("salon.rules.title"), forms: true)
    }

    /// Saving the rules, even unchanged, counts as having reviewed them (an onboarding step).
    @Sendable static func save(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let form = try req.content.decode(Form.self)
        let settings = try await SalonCatalog.settings(try req.tenantContext.tenantID, now: req.application.clock.now(), on: req.db)
        do {
            let values = try CatalogInput.rules(form, req)
            (settings.slotInterval, settings.minimumNotice, settings.maxDaysAhead) = (values.slotInterval, values.minimumNotice, values.maxDaysAhead)
            (settings.holdMinutes, settings.cancelWindowHours) = (values.holdMinutes, values.cancelWindowHours)
            (settings.rulesReviewed, settings.updatedAt) = (true, req.application.clock.now())
            try await settings.save(on: req.db)
        } catch let errors as FieldErrors {
            return try await render(req, form: form, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    /// Opens or closes the public booking page. Opening needs something to book: a service
    /// and a stylist with its skill and a working week.
    @Sendable static func publish(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        struct Form: Content { var published: String? }
        let open = try req.content.decode(Form.self).published == "1"
        let context = try req.tenantContext
        let settings = try await SalonCatalog.settings(context.tenantID, now: req.application.clock.now(), on: req.db)
        if open, try await !bookable(req.tenantScope) {
            return try await render(req, errors: ["published": req.t("salon.error.nothing_to_book")])
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        (settings.published, settings.updatedAt) = (open, req.application.clock.now())
        try await settings.save(on: req.db)
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    /// Whether some active service can be done by some active stylist who works some day.
    static func bookable(_ scope: TenantScope) async throws -> Bool {
        let skills = Set(try await scope.query(SalonService.self).filter(\.$active == true).all().map(\.skill))
        let stylists = try await scope.query(SalonStylist.self).filter(\.$active == true).all()
        return stylists.contains { !$0.week.days.isEmpty && !$0.skills.isDisjoint(with: skills) }
    }

    @Sendable static func addHoliday(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        struct Form: Content { var day: String?; var reason: String? }
        let form = try req.content.decode(Form.self)
        do {
            let date = try CatalogInput.futureDate(form.day, today: LimaDate(req.application.clock.now()), req)
            try await StylistPages.addClosure(date, stylist: nil, reason: form.reason, req)
        } catch let errors as FieldErrors {
            return try await render(req, errors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))?saved=1")
    }

    @Sendable static func deleteHoliday(req: Request) async throws -> Response {
        try req.require(SalonModule.manage)
        let closure = try await req.tenantScope.require(SalonClosure.self, req.parameters.get("closure", as: UUID.self))
        guard closure.stylistID == nil else { throw Abort(.notFound) }
        try await closure.delete(on: req.db)
        return req.redirect(to: "\(try base(req))?saved=1")
    }
}
