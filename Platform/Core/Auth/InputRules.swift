import Shared
import Vapor

/// Field rules shared by the forms and the API, with messages in the request's language.
public enum InputRules {
    static let minimumPasswordLength = 10

    public static func required(_ value: String?, _ field: String, into errors: inout FieldErrors, _ req: Request) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            errors[field] = req.t("field.required")
            return nil
        }
        return trimmed
    }

    static func email(_ value: String?, _ field: String = "email", into errors: inout FieldErrors, _ req: Request) -> String? {
        guard let email = required(value, field, into: &errors, req)?.lowercased() else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && email.count <= 254
            && !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        if !valid {
            errors[field] = req.t("field.email_invalid")
            return nil
        }
        return email
    }

    static func password(_ value: String?, _ field: String = "password", into errors: inout FieldErrors, _ req: Request) -> String? {
        guard let password = value, !password.isEmpty else {
            errors[field] = req.t("field.required")
            return nil
        }
        if password.count < minimumPasswordLength {
            errors[field] = req.t("field.password_short")
            return nil
        }
        return password
    }

    static func ruc(_ value: String?, _ field: String = "ruc", into errors: inout FieldErrors, _ req: Request) -> RUC? {
        guard let raw = required(value, field, into: &errors, req) else { return nil }
        do {
            return try RUC(raw)
        } catch {
            errors[field] = req.language == .en ? error.messageEn : error.message
            return nil
        }
    }
}
