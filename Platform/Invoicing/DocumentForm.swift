import Core
import EInvoicing
import Foundation
import Shared
import Vapor

/// The web form of a document (new, edit, or a credit note of another). Its fields are turned
/// into the API's JSON and read by the same code, so the web app and the API accept exactly
/// the same documents; problems come back keyed by form field.
struct DocumentForm: Content {
    var type: String?
    var series: String?
    var customer_id: String?
    var customer_document_type: String?
    var customer_document_number: String?
    var customer_name: String?
    var customer_email: String?
    var customer_address: String?
    var currency: String?
    var issue_date: String?
    var description: [String]?
    var quantity: [String]?
    var unit_price: [String]?
    var unit_code: [String]?
    var tax: [String]?
    var reference_id: String?
    /// "07" (credit) or "08" (debit) for a note.
    var note_type: String?
    var motive: String?
    var note_description: String?

    var isNote: Bool { !(reference_id ?? "").isEmpty }
    var noteKind: DocumentKind { note_type == DocumentKind.notaDebito.rawValue ? .notaDebito : .notaCredito }

    /// The form as the API's JSON body (blank fields left out, blank item rows dropped).
    var json: JSONValue {
        var body: [String: JSONValue] = [:]
        let put = { (key: String, value: String?) in
            if let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty { body[key] = .string(value) }
        }
        if isNote {
            put("invoice_id", reference_id)
            put("motive", motive)
            put("description", note_description)
        } else {
            put("type", type)
            put("customer_id", customer_id)
            put("currency", currency)
            put("issue_date", issue_date)
            if (customer_id ?? "").isEmpty, let documentType = customer_document_type, !documentType.isEmpty {
                var customer: [String: JSONValue] = ["document_type": .string(documentType)]
                for (key, value) in [("document_number", customer_document_number), ("name", customer_name),
                                     ("email", customer_email), ("address", customer_address)] {
                    if let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty { customer[key] = .string(value) }
                }
                body["customer"] = .object(customer)
            }
        }
        put("series", series)
        body["items"] = .array(itemRows.map { row in
            var item: [String: JSONValue] = [:]
            for (key, value) in [("description", row.description), ("quantity", row.quantity), ("unit_price", row.unitPrice),
                                 ("unit_code", row.unitCode), ("tax", row.tax)] where !value.isEmpty {
                item[key] = .string(value)
            }
            return .object(item)
        })
        return .object(body)
    }

    struct Row: Encodable {
        var description = ""
        var quantity = ""
        var unitPrice = ""
        var unitCode = "NIU"
        var tax = "gravado"
        var errors: [String: String] = [:]
    }

    /// The item rows someone filled in (a row with neither description nor price is blank).
    var itemRows: [Row] {
        let count = description?.count ?? 0
        let at = { (list: [String]?, index: Int, fallback: String) -> String in
            guard let list, index < list.count else { return fallback }
            let value = list[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? fallback : value
        }
        return (0..<count).map { index in
            Row(description: at(description, index, ""), quantity: at(quantity, index, ""), unitPrice: at(unit_price, index, ""),
                unitCode: at(unit_code, index, "NIU"), tax: at(tax, index, "gravado"))
        }.filter { !$0.description.isEmpty || !$0.unitPrice.isEmpty }
    }

    /// The form field a problem's pointer names ("/customer/name" → "customer_name").
    static func field(for pointer: String) -> String {
        let parts = pointer.split(separator: "/").map(String.init)
        switch parts.first {
        case nil: return "general"
        case "customer": return parts.count > 1 ? "customer_\(parts[1])" : "customer_document_number"
        case "items": return parts.count > 2 ? "items_\(parts[1])_\(parts[2])" : "items"
        case "description": return "note_description"
        case "invoice_id": return "general"
        default: return parts[0]
        }
    }
}

extension InputProblems {
    /// Messages by form field, in the request's language.
    func formErrors(_ language: Language) -> [String: String] {
        var errors: [String: String] = [:]
        for problem in problems {
            let field = DocumentForm.field(for: problem.pointer)
            let message = language == .en ? problem.messageEn : problem.message
            errors[field] = errors[field].map { "\($0) · \(message)" } ?? message
        }
        return errors
    }
}
