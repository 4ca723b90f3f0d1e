import Core
import Vapor

/// The endpoint form's input, checked field by field.
struct WebhookForm: Content {
    var url: String?
    var description: String?
    var event_types: [String]?
    var auth_header_name: String?
    var auth_header_value: String?
    var enabled: String?

    struct Valid {
        let url: String
        let label: String
        let eventTypes: [String]
        let authHeader: (name: String, value: String)?
    }

    /// Headers the platform sets itself; an auth header must not replace them.
    static let reservedHeaders: Set<String> = [
        "content-type", "content-length", "host", "user-agent", "webhook-id", "webhook-timestamp",
        "webhook-signature", "transfer-encoding", "connection",
    ]

    func validate(_ req: Request, policy: WebhookURLPolicy, knownTypes: Set<String>) throws(FieldErrors) -> Valid {
        var errors = FieldErrors()
        var validURL: String?
        if let rawURL = InputRules.required(url, "url", into: &errors, req) {
            do throws(WebhookURLPolicy.Violation) {
                validURL = try policy.validate(rawURL).absoluteString
            } catch {
                errors["url"] = req.t(error.messageKey)
            }
        }
        let label = (description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if label.count > 200 { errors["description"] = req.t("webhooks.description_too_long") }
        let types = event_types ?? []
        if let unknown = types.first(where: { !knownTypes.contains($0) }) {
            errors["event_types"] = req.t("webhooks.unknown_event_type") + " " + unknown
        }
        let header = validateHeader(req, into: &errors)
        try errors.throwIfAny()
        return Valid(url: validURL ?? "", label: label, eventTypes: Array(Set(types)).sorted(), authHeader: header)
    }

    private func validateHeader(_ req: Request, into errors: inout FieldErrors) -> (name: String, value: String)? {
        let name = (auth_header_name ?? "").trimmingCharacters(in: .whitespaces)
        let value = (auth_header_value ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty && value.isEmpty { return nil }
        let tokenCharacters = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        if name.isEmpty || name.count > 100 || !tokenCharacters || Self.reservedHeaders.contains(name.lowercased()) {
            errors["auth_header_name"] = req.t("webhooks.header_name_invalid")
        }
        if value.isEmpty || value.count > 1000 || value.contains(where: { $0 == "\r" || $0 == "\n" }) {
            errors["auth_header_value"] = req.t("webhooks.header_value_invalid")
        }
        return (name, value)
    }
}
