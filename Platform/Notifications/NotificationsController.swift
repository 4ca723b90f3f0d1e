import Core
import Fluent
import Shared
import Vapor

/// The delivery log (`/t/{tenant}/notifications`) and the owner's notification settings
/// (`/t/{tenant}/settings/notifications`: channel order, contact mobile, template wording).
enum NotificationsController {
    static func routes(_ app: Application) {
        let pages = app.tenantPages
        pages.get("notifications", use: log)
        pages.post("notifications", ":message", "resend", use: resend)
        let settings = pages.grouped("settings", "notifications")
        settings.get(use: showSettings)
        settings.post(use: saveSettings)
        settings.get("templates", ":template", use: editTemplate)
        settings.post("templates", ":template", use: saveTemplate)
        settings.post("templates", ":template", "reset", use: resetTemplate)
    }

    @Sendable static func log(req: Request) async throws -> View {
        try req.require(CorePermission.notificationsLog)
        return try await NotificationPages.log(req, filter: try req.query.decode(LogFilter.self))
    }

    @Sendable static func resend(req: Request) async throws -> Response {
        try req.require(CorePermission.notifications)
        let scope = try req.tenantScope
        guard let id = req.parameters.get("message", as: UUID.self),
              let message = try await NotificationMessage.query(on: req.db).filter(\.$tenantID == scope.tenantID)
                .filter(\.$id == id).first() else { throw Abort(.notFound) }
        let base = "/t/\(try req.tenantContext.tenant.slug)/notifications"
        guard !message.recipient.isEmpty else { return req.redirect(to: "\(base)?resend_refused=true") }
        try await NotificationDelivery.resend(message, settings: Notifications.settings(req.application),
                                              now: req.application.clock.now(), on: req.db)
        return req.redirect(to: "\(base)?resent=true")
    }

    @Sendable static func showSettings(req: Request) async throws -> View {
        try req.require(CorePermission.notifications)
        return try await NotificationPages.settings(req, preferences: try await preferences(req))
    }

    @Sendable static func saveSettings(req: Request) async throws -> Response {
        try req.require(CorePermission.notifications)
        let form = try req.content.decode(PreferencesForm.self)
        let preferences = try await preferences(req)
        do {
            let valid = try form.validate(req)
            preferences.channelOrderText = valid.order.map(\.rawValue).joined(separator: " ")
            preferences.contactPhone = valid.phone
            if preferences.id == nil { try await req.tenantScope.create(preferences) } else { try await preferences.save(on: req.db) }
            return req.redirect(to: "/t/\(try req.tenantContext.tenant.slug)/settings/notifications?saved=true")
        } catch let errors as FieldErrors {
            return try await NotificationPages.settings(req, preferences: preferences, form: form, errors: errors.fields)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable static func editTemplate(req: Request) async throws -> View {
        try req.require(CorePermission.notifications)
        let (template, language) = try templateAndLanguage(req)
        return try await NotificationPages.template(req, template, language: language, override: try await override(req, template, language))
    }

    @Sendable static func saveTemplate(req: Request) async throws -> Response {
        try req.require(CorePermission.notifications)
        let (template, language) = try templateAndLanguage(req)
        let form = try req.content.decode(TemplateForm.self)
        let existing = try await override(req, template, language)
        let tenantID = try req.tenantScope.tenantID
        do {
            let valid = try form.validate(for: template, req)
            let row = existing ?? TemplateOverride(tenantID: tenantID, template: template.id, language: language)
            row.subject = valid.subject
            row.body = valid.body
            row.short = valid.short
            if row.id == nil { try await req.tenantScope.create(row) } else { try await row.save(on: req.db) }
            return req.redirect(to: try templatePath(req, template, language) + "&saved=true")
        } catch let errors as FieldErrors {
            return try await NotificationPages.template(req, template, language: language, override: existing, form: form, errors: errors.fields)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable static func resetTemplate(req: Request) async throws -> Response {
        try req.require(CorePermission.notifications)
        let (template, language) = try templateAndLanguage(req)
        try await override(req, template, language)?.delete(on: req.db)
        return req.redirect(to: try templatePath(req, template, language) + "&reset=true")
    }

    static func templatePath(_ req: Request, _ template: NotificationTemplate, _ language: Language) throws -> String {
        "/t/\(try req.tenantContext.tenant.slug)/settings/notifications/templates/\(template.id)?lang=\(language.rawValue)"
    }

    private static func templateAndLanguage(_ req: Request) throws -> (NotificationTemplate, Language) {
        guard let id = req.parameters.get("template"), let template = req.application.notificationTemplates[id],
              template.tenantEditable else {
            throw Abort(.notFound)
        }
        let language = req.query[String.self, at: "lang"].flatMap(Language.init(rawValue:)) ?? .es
        return (template, language)
    }

    private static func override(_ req: Request, _ template: NotificationTemplate, _ language: Language) async throws -> TemplateOverride? {
        try await req.tenantScope.query(TemplateOverride.self).filter(\.$template == template.id)
            .filter(\.$language == language).first()
    }

    private static func preferences(_ req: Request) async throws -> NotificationPreferences {
        let scope = try req.tenantScope
        return try await scope.query(NotificationPreferences.self).first() ?? NotificationPreferences(tenantID: scope.tenantID)
    }
}

struct LogFilter: Decodable {
    var channel: String?
    var state: String?
    var q: String?
    var page: Int?
}
