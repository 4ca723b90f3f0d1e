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

    public static func email(_ value: String?, _ field: String = "email", into errors: inout FieldErrors, _ req: Request) -> String? {
        guard let raw = required(value, field, into: &errors, req) else { return nil }
        do {
            // Accounts are looked up by email, so the whole address is compared lowercased.
            return try EmailAddress(raw).value.lowercased()
        } catch {
            errors[field] = req.t("field.email_invalid")
            return nil
        }
    }

    /// A Peruvian mobile (+51 9XXXXXXXX) in E.164, with the reason when it is not one.
    public static func mobile(_ value: String?, _ field: String = "phone", into errors: inout FieldErrors, _ req: Request) -> String? {
        guard let raw = required(value, field, into: &errors, req) else { return nil }
        do {
            return try PeruMobile(raw).e164
        } catch {
            errors[field] = req.language == .en ? error.messageEn : error.message
            return nil
        }
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

    public static func ruc(_ value: String?, _ field: String = "ruc", into errors: inout FieldErrors, _ req: Request) -> RUC? {
        guard let raw = required(value, field, into: &errors, req) else { return nil }
        do {
            // A persona natural may give their DNI: it stands for their RUC 10.
            return try RUC.fromRUCOrDNI(raw)
        } catch {
            errors[field] = req.language == .en ? error.messageEn : error.message
            return nil
        }
    }
}
