import Core
import EInvoiceEngine
import EInvoicing
import Fluent
import Foundation
import Shared

/// The checks a draft passes before it is numbered, so that a refused document never takes
/// a number: the business rules the API names (factura needs a RUC, boleta over S/ 700 needs
/// the buyer's document, a note no larger than what it corrects) and the engine's own
/// arithmetic and SUNAT rules, each reported at its JSON pointer.
enum DraftChecks {
    /// S/ 700: above it a boleta must identify its buyer (SUNAT, Res. 340-2017).
    static let anonymousBoletaLimit = Decimal(700)

    /// The calculated document (numbered 1, a stand-in) or every problem found.
    static func check(
        _ draft: DocumentDraft, series: String, profile: InvoicingProfile, creditedBefore: Decimal, customerPointer: String
    ) throws(InputProblems) -> CalculatedDocument {
        var problems: [InputProblem] = []
        let calculated: CalculatedDocument
        do {
            calculated = try EInvoiceCalculator.calculate(draft.engineDocument(number: 1, series: series, profile: profile))
        } catch {
            throw InputProblems([problem(error, customerPointer: customerPointer)])
        }
        let total = calculated.totals.payableAmount
        switch draft.kind {
        case .factura where draft.customer.documentType != .ruc:
            problems.append(InputProblem(pointer: customerPointer == "/customer_id" ? "/customer_id" : "\(customerPointer)/document_type",
                                         rule: "customer_ruc_required", message: "una factura solo se emite a un cliente con RUC",
                                         messageEn: "a factura can only be issued to a customer with a RUC"))
        case .boleta where draft.customer.documentType == .varios && draft.currency == .pen && total > anonymousBoletaLimit:
            problems.append(InputProblem(pointer: customerPointer, rule: "boleta_identification_required",
                                         message: "una boleta de más de S/ 700.00 necesita el documento del cliente",
                                         messageEn: "a boleta over S/ 700.00 needs the customer's document"))
        case .notaCredito:
            if let reference = draft.reference {
                let left = Decimal(reference.totalCents) / 100 - creditedBefore
                if total > left {
                    problems.append(InputProblem(
                        pointer: "/items", rule: "exceeds_invoice",
                        message: "la nota suma \(DecimalText.fixed(total, scale: 2)) y solo quedan \(DecimalText.fixed(left, scale: 2)) por acreditar de \(reference.fullNumber ?? "")",
                        messageEn: "the note adds up to \(DecimalText.fixed(total, scale: 2)) but only \(DecimalText.fixed(left, scale: 2)) of \(reference.fullNumber ?? "") is left to credit"))
                }
            }
        default:
            break
        }
        try InputProblems(problems).throwIfAny()
        return calculated
    }

    /// An engine error at the pointer of the API's field it came from.
    static func problem(_ error: EInvoiceError, customerPointer: String) -> InputProblem {
        // The engine's messages start with its own field path; the pointer says that here.
        let strip = { (text: String) in text.hasPrefix(error.field + ": ") ? String(text.dropFirst(error.field.count + 2)) : text }
        var pointer = pointer(for: error.field, customerPointer: customerPointer)
        var rule = error.rule
        switch error {
        case .customerMustHaveRUC:
            rule = "customer_ruc_required"
        case .buyerIdentificationRequired:
            rule = "boleta_identification_required"
            pointer = customerPointer
        default:
            break
        }
        return InputProblem(pointer: pointer, rule: rule, message: strip(error.message), messageEn: strip(error.messageEn))
    }

    static func problem(_ error: EngineError, customerPointer: String) -> InputProblem {
        if case .document(let document) = error { return problem(document, customerPointer: customerPointer) }
        return InputProblem(pointer: "", rule: error.rule ?? "certificate", message: error.message, messageEn: error.messageEn)
    }

    /// "lines[2].unitPrice" → "/items/2/unit_price"; "customer.number" → "/customer/document_number".
    static func pointer(for field: String, customerPointer: String) -> String {
        let names = ["quantity": "quantity", "unitPrice": "unit_price", "unitValue": "unit_price", "description": "description",
                     "unitCode": "unit_code", "affectation": "tax", "productCode": "product_code", "discount": "unit_price"]
        if field.hasPrefix("lines[") {
            let index = field.dropFirst(6).prefix { $0.isNumber }
            let rest = field.split(separator: ".").dropFirst().first.map(String.init)
            return "/items/\(index)" + (rest.map { "/" + (names[$0] ?? $0) } ?? "")
        }
        if field == "lines" { return "/items" }
        if field.hasPrefix("customer") {
            if customerPointer == "/customer_id" { return customerPointer }
            let customerNames = ["documentType": "document_type", "number": "document_number", "name": "name", "address": "address"]
            let rest = field.split(separator: ".").dropFirst().first.map(String.init)
            return customerPointer + (rest.map { "/" + (customerNames[$0] ?? $0) } ?? "")
        }
        switch field {
        case "series": return "/series"
        case "issueDate": return "/issue_date"
        case "currency": return "/currency"
        case let note where note.hasPrefix("note.motive"): return "/motive"
        case let note where note.hasPrefix("note.description"): return "/description"
        case let note where note.hasPrefix("note"): return "/invoice_id"
        default: return ""
        }
    }
}
