import Shared

/// Issuer and customer rules.
enum PartyValidator {
    static func validateIssuer(_ issuer: Issuer) throws(EInvoiceError) {
        do {
            _ = try RUC(issuer.ruc)
        } catch {
            throw .invalidRUC(field: "issuer.ruc", rule: "1007", reason: error)
        }
        try TextRules.required(issuer.legalName, field: "issuer.legalName", rule: "1037", max: 1500)
        try TextRules.optional(issuer.tradeName, field: "issuer.tradeName", rule: "4092", max: 1500)
        try validateAddress(issuer.address)
    }

    private static func validateAddress(_ address: IssuerAddress) throws(EInvoiceError) {
        if let ubigeo = address.ubigeo, !TextRules.isDigits(ubigeo, count: 6) {
            throw .invalidCode(field: "issuer.address.ubigeo", rule: "4093", value: ubigeo)
        }
        guard TextRules.isDigits(address.establishmentCode, count: 4) else {
            throw .invalidCode(field: "issuer.address.establishmentCode", rule: "3030", value: address.establishmentCode)
        }
        guard address.countryCode == "PE" else {
            throw .invalidCode(field: "issuer.address.countryCode", rule: "4041", value: address.countryCode)
        }
        let texts: [(String?, String)] = [
            (address.line, "line"), (address.urbanization, "urbanization"), (address.district, "district"),
            (address.province, "province"), (address.department, "department"),
        ]
        for (text, name) in texts {
            try TextRules.optional(text, field: "issuer.address.\(name)", rule: "4094", max: 200)
        }
    }

    /// Document number against its type (rules 2017, 2801, 4208) and name.
    static func validateCustomer(_ customer: Customer) throws(EInvoiceError) {
        let number = customer.number.trimmingCharacters(in: .whitespaces)
        switch customer.documentType {
        case .ruc:
            do {
                _ = try RUC(number)
            } catch {
                throw .invalidRUC(field: "customer.number", rule: "2017", reason: error)
            }
        case .dni:
            guard (try? DNI(number)) != nil else { throw .invalidCustomerDocument(field: "customer.number", rule: "2801") }
        case .varios:
            guard !number.isEmpty else { throw .invalidCustomerDocument(field: "customer.number", rule: "2014") }
        default:
            guard (1...15).contains(number.count), number.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw .invalidCustomerDocument(field: "customer.number", rule: "4208")
            }
        }
        try TextRules.required(customer.name, field: "customer.name", rule: "2021", max: 1500)
        if let address = customer.address { try validateCustomerAddress(address) }
    }

    private static func validateCustomerAddress(_ address: CustomerAddress) throws(EInvoiceError) {
        try TextRules.required(address.line, field: "customer.address.line", rule: "4236", max: 200)
        if let ubigeo = address.ubigeo, !TextRules.isDigits(ubigeo, count: 6) {
            throw .invalidCode(field: "customer.address.ubigeo", rule: "4093", value: ubigeo)
        }
        let code = address.countryCode
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw .invalidCode(field: "customer.address.countryCode", rule: "4041", value: code)
        }
    }

    /// Who may receive each kind of comprobante (rule 2800).
    static func validateCustomerForKind(
        _ document: EInvoiceDocument, operationType: OperationType
    ) throws(EInvoiceError) {
        let isRUC = document.customer.documentType == .ruc
        let modifiesFactura = document.note?.reference?.kind == .factura
        guard document.kind == .factura || (document.kind.isNote && modifiesFactura) else { return }
        if operationType.isExport {
            guard !isRUC else { throw .customerMustNotHaveRUC(field: "customer.documentType", rule: "2800") }
        } else {
            guard isRUC else { throw .customerMustHaveRUC(field: "customer.documentType", rule: "2800") }
        }
    }
}
