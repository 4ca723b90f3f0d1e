import Core
import Fluent
import Shared
import SQLKit
import Vapor

/// What the notification pages show.
enum NotificationPages {
    static let pageSize = 50

    struct MessageRow: Encodable {
        let id: String
        let created: String
        let channel: String
        let recipient: String
        let recipientName: String
        let template: String
        let state: String
        let stateLabel: String
        let attempts: Int
        let providerID: String
        let error: String
        let scheduledFor: String
        let canResend: Bool
    }

    struct Option: Encodable { let value: String; let label: String; let selected: Bool }

    struct LogContent: Encodable {
        let messages: [MessageRow]
        let hasMessages: Bool
        let channels: [Option]
        let states: [Option]
        let q: String
        let nextPage: Int?
        let previousPage: Int?
        let filterQuery: String
        let resent: Bool
        let resendRefused: Bool
        let canManage: Bool
    }

    static func log(_ req: Request, filter: LogFilter) async throws -> View {
        let scope = try req.tenantScope
        let channel = filter.channel.flatMap(NotificationChannel.init(rawValue:))
        let state = filter.state.flatMap(NotificationMessage.State.init(rawValue:))
        let q = filter.q?.trimmingCharacters(in: .whitespaces) ?? ""
        let page = max(filter.page ?? 1, 1)
        let query = NotificationMessage.query(on: req.db).filter(\.$tenantID == scope.tenantID)
        if let channel { query.filter(\.$channel == channel) }
        if let state { query.filter(\.$state == state) }
        if !q.isEmpty {
            // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE for that.
            let like: DatabaseQuery.Filter.Method = (req.db as? any SQLDatabase)?.dialect.name == "postgresql" ? .custom("ILIKE") : .custom("LIKE")
            query.group(.or) { $0.filter(\.$recipient, like, "%\(q)%").filter(\.$recipientName, like, "%\(q)%") }
        }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(((page - 1) * pageSize)..<(page * pageSize + 1)).all()
        let canManage = try req.tenantContext.has(CorePermission.notifications.id, registry: req.application.modules)
        let filterQuery = [("channel", channel?.rawValue), ("state", state?.rawValue), ("q", q.isEmpty ? nil : q)]
            .compactMap { key, value in value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } }
            .joined(separator: "&")
        let content = LogContent(
            messages: rows.prefix(pageSize).map { row($0, req, canManage: canManage) }, hasMessages: !rows.isEmpty,
            channels: NotificationChannel.allCases.map { Option(value: $0.rawValue, label: req.t("channel.\($0.rawValue)"), selected: $0 == channel) },
            states: NotificationMessage.State.allCases.map { Option(value: $0.rawValue, label: req.t("message_state.\($0.rawValue)"), selected: $0 == state) },
            q: q, nextPage: rows.count > pageSize ? page + 1 : nil, previousPage: page > 1 ? page - 1 : nil,
            filterQuery: filterQuery,
            resent: req.query[String.self, at: "resent"] == "true",
            resendRefused: req.query[String.self, at: "resend_refused"] == "true", canManage: canManage)
        return try await req.renderPage("notifications/log", content, title: req.t("notifications.log_title"), forms: true)
    }

    static func row(_ message: NotificationMessage, _ req: Request, canManage: Bool) -> MessageRow {
        MessageRow(
            id: message.id?.uuidString ?? "", created: message.createdAt.map(LimaCalendar.formatDateTime) ?? "",
            channel: req.t("channel.\(message.channel.rawValue)"), recipient: message.recipient,
            recipientName: message.recipientName, template: message.template, state: message.state.rawValue,
            stateLabel: req.t("message_state.\(message.state.rawValue)"), attempts: message.attempts,
            providerID: message.providerID ?? "", error: message.error ?? "",
            scheduledFor: message.state == .queued ? message.scheduledFor.map(LimaCalendar.formatDateTime) ?? "" : "",
            canResend: canManage && !message.recipient.isEmpty && message.state != .queued)
    }

    struct TemplateRow: Encodable { let id: String; let description: String; let customized: [String] }

    struct SettingsContent: Encodable {
        let orders: [Option]
        let phone: String
        let errors: [String: String]
        let saved: Bool
        let available: [String]
        let templates: [TemplateRow]
    }

    static func settings(_ req: Request, preferences: NotificationPreferences, form: PreferencesForm? = nil,
                         errors: [String: String] = [:]) async throws -> View {
        let current = form?.order ?? preferences.channelOrder.map(\.rawValue).joined(separator: " ")
        let orders = PreferencesForm.orders.map { order in
            let value = order.map(\.rawValue).joined(separator: " ")
            return Option(value: value, label: order.map { req.t("channel.\($0.rawValue)") }.joined(separator: " → "),
                          selected: value == current)
        }
        let overrides = try await req.tenantScope.query(TemplateOverride.self).all()
        let templates = req.application.notificationTemplates.all.filter(\.tenantEditable).map { template in
            TemplateRow(id: template.id, description: template.description.text(for: req.language),
                        customized: overrides.filter { $0.template == template.id }.map(\.language.rawValue).sorted())
        }
        let available = Notifications.settings(req.application).availableChannels
        let content = SettingsContent(
            orders: orders, phone: form?.phone ?? preferences.contactPhone.flatMap { try? PeruMobile($0).display } ?? "",
            errors: errors, saved: req.query[String.self, at: "saved"] == "true",
            available: NotificationChannel.allCases.filter(available.contains).map { req.t("channel.\($0.rawValue)") },
            templates: templates)
        return try await req.renderPage("notifications/settings", content, title: req.t("notifications.settings_title"), forms: true)
    }

    struct Field: Encodable { let value: String; let standard: String; let shown: Bool }

    struct TemplateContent: Encodable {
        let id: String
        let description: String
        let language: String
        let languages: [Option]
        let parameters: [String]
        let subject: Field
        let body: Field
        let short: Field
        let customized: Bool
        let errors: [String: String]
        let saved: Bool
        let reset: Bool
    }

    static func template(_ req: Request, _ template: NotificationTemplate, language: Language, override: TemplateOverride?,
                         form: TemplateForm? = nil, errors: [String: String] = [:]) async throws -> View {
        let standard = template.content(in: language)
        func field(_ formValue: String?, _ overrideValue: String?, _ standardValue: String?, shown: Bool) -> Field {
            Field(value: formValue ?? overrideValue ?? "", standard: standardValue ?? "", shown: shown)
        }
        let hasEmail = standard.subject != nil
        let content = TemplateContent(
            id: template.id, description: template.description.text(for: req.language), language: language.rawValue,
            languages: Language.allCases.map { Option(value: $0.rawValue, label: req.t("language.\($0.rawValue)"), selected: $0 == language) },
            parameters: template.parameters.map { "{{\($0)}}" },
            subject: field(form?.subject, override?.subject, standard.subject, shown: hasEmail),
            body: field(form?.body, override?.body, standard.body, shown: hasEmail),
            short: field(form?.short, override?.short, standard.short, shown: standard.short != nil),
            customized: override != nil, errors: errors,
            saved: req.query[String.self, at: "saved"] == "true", reset: req.query[String.self, at: "reset"] == "true")
        return try await req.renderPage("notifications/template", content, title: template.description.text(for: req.language), forms: true)
    }
}
