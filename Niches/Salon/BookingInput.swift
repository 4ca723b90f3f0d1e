import Core
import Foundation
import Shared
import Vapor

/// Reading a booking request, from the public form or the API: the same rules and messages.
enum BookingInput {
    static func choice(services: [String], start: String?, staff: String?, _ req: Request) throws -> BookingChoice {
        var errors = FieldErrors()
        let ids = services.filter { !$0.isEmpty }.compactMap { UUID(uuidString: $0) }
        if ids.isEmpty || ids.count != services.filter({ !$0.isEmpty }).count { errors["services"] = req.t("salon.error.services") }
        let time = start.flatMap(LimaTime.parse)
        if time == nil { errors["start"] = req.t("salon.error.start") }
        try errors.throwIfAny()
        return BookingChoice(services: ids, start: time!, stylist: try stylist(staff, req))
    }

    /// A stylist's id, or nil for "anyone" (empty or `any`).
    static func stylist(_ text: String?, _ req: Request) throws -> UUID? {
        guard let text, !text.isEmpty, text != "any" else { return nil }
        guard let id = UUID(uuidString: text) else { throw FieldErrors(["staff": req.t("salon.error.staff")]) }
        return id
    }

    static func customer(name: String?, email: String?, phone: String?, ruc: String?, _ req: Request) throws -> BookingCustomer {
        var errors = FieldErrors()
        let name = InputRules.required(name, "name", into: &errors, req)
        let email = InputRules.email(email, into: &errors, req)
        let phone = InputRules.mobile(phone, into: &errors, req)
        var validRUC: RUC?
        if let ruc, !ruc.trimmingCharacters(in: .whitespaces).isEmpty { validRUC = InputRules.ruc(ruc, into: &errors, req) }
        try errors.throwIfAny()
        return BookingCustomer(name: name!, email: email!, phone: phone!, ruc: validRUC?.value, userID: req.currentUser?.id)
    }

    /// The refusal in the client's words.
    static func message(_ refusal: SlotRefusal, _ req: Request) -> String {
        req.t("salon.refusal.\(refusal.rawValue)")
    }
}
