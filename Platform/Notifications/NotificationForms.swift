import Core
import Shared
import Vapor

/// The channel order and the business's contact mobile.
struct PreferencesForm: Content {
    var order: String?
    var phone: String?

    struct Valid {
        let order: [NotificationChannel]
        let phone: String?
    }

    /// The orders offered in the form: every arrangement of the three channels.
    static let orders: [[NotificationChannel]] = [
        [.whatsapp, .email, .sms], [.whatsapp, .sms, .email], [.email, .whatsapp, .sms],
        [.email, .sms, .whatsapp], [.sms, .whatsapp, .email], [.sms, .email, .whatsapp],
    ]

    func validate(_ req: Request) throws(FieldErrors) -> Valid {
        var errors = FieldErrors()
        let chosen = (order ?? "").split(separator: " ").compactMap { NotificationChannel(rawValue: String($0)) }
        if !Self.orders.contains(chosen) { errors["order"] = req.t("notifications.order_invalid") }
        let blank = phone?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
        let mobile = blank ? nil : InputRules.mobile(phone, "phone", into: &errors, req)
        try errors.throwIfAny()
        return Valid(order: chosen, phone: mobile)
    }
}

/// A tenant's wording of one template; a blank field keeps the module's text.
struct TemplateForm: Content {
    var subject: String?
    var body: String?
    var short: String?

    struct Valid {
        let subject: String?
        let body: String?
        let short: String?
    }

    static let limits = ["subject": 200, "body": 5000, "short": 1000]

    func validate(for template: NotificationTemplate, _ req: Request) throws(FieldErrors) -> Valid {
        var errors = FieldErrors()
        func check(_ value: String?, _ field: String) -> String? {
            guard let text = value?.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines),
                  !text.isEmpty else { return nil }
            let unknown = template.unknownPlaceholders(in: text)
            if !unknown.isEmpty {
                let allowed = template.parameters.map { "{{\($0)}}" }.joined(separator: ", ")
                errors[field] = req.t("notifications.unknown_placeholder")
                    .replacingOccurrences(of: "%unknown", with: unknown.map { "{{\($0)}}" }.joined(separator: ", "))
                    .replacingOccurrences(of: "%allowed", with: allowed)
            } else if text.count > Self.limits[field] ?? 1000 {
                errors[field] = req.t("notifications.too_long").replacingOccurrences(of: "%max", with: "\(Self.limits[field] ?? 1000)")
            }
            return text
        }
        let valid = Valid(subject: check(subject, "subject")?.replacingOccurrences(of: "\n", with: " "),
                          body: check(body, "body"), short: check(short, "short"))
        try errors.throwIfAny()
        return valid
    }
}
