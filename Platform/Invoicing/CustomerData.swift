import EInvoicing
import Foundation
import Shared

/// A customer as the business gives it (web form, API, or inline in a document), validated.
struct CustomerData: Sendable, Equatable {
    var documentType: IdentityDocumentType
    var documentNumber: String
    var name: String
    var email: String?
    var phone: String?
    var address: String?

    /// The document types a customer can have here, in the order forms show them.
    static let documentTypes: [IdentityDocumentType] = [.ruc, .dni, .carnetExtranjeria, .pasaporte, .noDomiciliado, .varios]
    static let allowedCodes = documentTypes.map(\.rawValue)

    static func anonymous() -> CustomerData {
        CustomerData(documentType: .varios, documentNumber: "-", name: "CLIENTES VARIOS")
    }

    /// Reads and validates the customer object at `reader`'s pointer, logging every problem.
    static func read(_ reader: JSONObjectReader) -> CustomerData? {
        let type = reader.choice("document_type", in: allowedCodes, required: true).flatMap(IdentityDocumentType.init(rawValue:))
        let anonymous = type == .varios
        let number = reader.string("document_number", required: !anonymous && type != nil, maxLength: 20)
        let name = reader.string("name", required: !anonymous, maxLength: 200)
        let email = reader.string("email", maxLength: 200)
        let phone = reader.string("phone", maxLength: 20)
        let address = reader.string("address", maxLength: 200)
        reader.finish()
        guard let type else { return nil }
        var data = CustomerData(documentType: type, documentNumber: anonymous ? (number ?? "-") : (number ?? ""),
                                name: name ?? "CLIENTES VARIOS", email: email, phone: phone, address: address)
        for problem in data.problems() {
            reader.log.add(InputProblem(pointer: reader.path(problem.field), rule: problem.rule, message: problem.message, messageEn: problem.messageEn))
        }
        if let normalized = try? RUC(data.documentNumber), type == .ruc { data.documentNumber = normalized.value }
        if anonymous { data.documentNumber = "-" }
        return reader.log.isEmpty ? data : nil
    }

    struct Problem: Equatable {
        let field: String
        let rule: String
        let message: String
        let messageEn: String
    }

    /// What is wrong with the number, e-mail and phone (the fields a form shows next to them).
    func problems() -> [Problem] {
        var found: [Problem] = []
        switch documentType {
        case .ruc:
            if !documentNumber.isEmpty, (try? RUC(documentNumber)) == nil {
                found.append(Problem(field: "document_number", rule: "ruc", message: "no es un RUC válido (11 dígitos con dígito verificador correcto)",
                                     messageEn: "is not a valid RUC (11 digits with a correct check digit)"))
            }
        case .dni:
            if !documentNumber.isEmpty, (try? DNI(documentNumber)) == nil {
                found.append(Problem(field: "document_number", rule: "dni", message: "un DNI tiene 8 dígitos", messageEn: "a DNI has 8 digits"))
            }
        case .varios where documentNumber == "-":
            break
        default:
            if !documentNumber.isEmpty, !(1...15).contains(documentNumber.count)
                || !documentNumber.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                found.append(Problem(field: "document_number", rule: "document_number", message: "debe tener de 1 a 15 letras o dígitos",
                                     messageEn: "must have 1 to 15 letters or digits"))
            }
        }
        if let email, (try? EmailAddress(email)) == nil {
            found.append(Problem(field: "email", rule: "format", message: "no es un correo válido", messageEn: "is not a valid e-mail address"))
        }
        if let phone, phone.filter(\.isNumber).count < 6 || phone.count < 6 {
            found.append(Problem(field: "phone", rule: "format", message: "debe tener al menos 6 dígitos", messageEn: "must have at least 6 digits"))
        }
        return found
    }

    var engineCustomer: EInvoicing.Customer {
        if documentType == .varios { return .anonymous(name: name.isEmpty ? "CLIENTES VARIOS" : name) }
        return EInvoicing.Customer(documentType: documentType, number: documentNumber, name: name,
                                   address: address.map { CustomerAddress(line: $0) })
    }
}
