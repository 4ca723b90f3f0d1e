import Foundation
import Shared

/// Line rules: what SUNAT checks per `InvoiceLine`, before any arithmetic.
enum LineValidator {
    static func validate(_ lines: [Line]) throws(EInvoiceError) {
        guard !lines.isEmpty else { throw .emptyLines(field: "lines", rule: "XSD") }
        for (index, line) in lines.enumerated() {
            try validate(line, field: "lines[\(index)]")
        }
    }

    private static func validate(_ line: Line, field: String) throws(EInvoiceError) {
        try TextRules.required(line.description, field: "\(field).description", rule: "2027", max: 500)
        try TextRules.optional(line.productCode, field: "\(field).productCode", rule: "4269", max: 30)
        let unit = line.unitCode
        guard (1...3).contains(unit.count), TextRules.isUpperAlphanumeric(Substring(unit)) else {
            throw .invalidCode(field: "\(field).unitCode", rule: "2936", value: unit)
        }
        guard line.quantity > 0 else { throw .nonPositiveQuantity(field: "\(field).quantity", rule: "2024") }
        try unitPrecision(line.quantity, field: "\(field).quantity", rule: "2025")
        try validatePrice(line, field: field)
        if let discount = line.discount {
            guard discount >= 0 else { throw .negativeAmount(field: "\(field).discount", rule: "2955") }
            try AmountRules.amount(discount, field: "\(field).discount", rule: "2955")
        }
    }

    /// Exactly one of unit value and unit price, non-negative, ≤ 10 decimals (rule 2369).
    private static func validatePrice(_ line: Line, field: String) throws(EInvoiceError) {
        switch (line.unitValue, line.unitPrice) {
        case (nil, nil): throw .missingUnitValue(field: "\(field).unitValue", rule: "2369")
        case (.some, .some): throw .conflictingUnitValues(field: "\(field).unitPrice", rule: "2369")
        case (let value?, nil): try price(value, field: "\(field).unitValue")
        case (nil, let price?): try self.price(price, field: "\(field).unitPrice")
        }
    }

    private static func price(_ value: Decimal, field: String) throws(EInvoiceError) {
        guard value >= 0 else { throw .negativeAmount(field: field, rule: "2369") }
        try unitPrecision(value, field: field, rule: "2369")
    }

    private static func unitPrecision(_ value: Decimal, field: String, rule: String) throws(EInvoiceError) {
        guard DecimalRules.hasAtMost(DecimalRules.unitScale, decimals: value) else {
            throw .tooManyDecimals(field: field, rule: rule, maxDecimals: DecimalRules.unitScale)
        }
        guard value < DecimalRules.amountLimit else { throw .amountTooLarge(field: field, rule: rule) }
    }

    /// Export lines belong on export operations and vice versa (rule 3107);
    /// free lines fit either.
    static func validateOperation(_ lines: [Line], operationType: OperationType) throws(EInvoiceError) {
        for (index, line) in lines.enumerated() where !line.affectation.isFree {
            let isExportLine = line.affectation == .exportacion
            guard isExportLine == operationType.isExport else {
                throw .operationTypeMismatch(field: "lines[\(index)].affectation", rule: "3107")
            }
        }
    }
}

/// Rules shared by every 2-decimal amount the caller supplies.
enum AmountRules {
    static func amount(_ value: Decimal, field: String, rule: String) throws(EInvoiceError) {
        guard DecimalRules.hasAtMost(DecimalRules.amountScale, decimals: value) else {
            throw .tooManyDecimals(field: field, rule: rule, maxDecimals: DecimalRules.amountScale)
        }
        guard value < DecimalRules.amountLimit else { throw .amountTooLarge(field: field, rule: rule) }
    }

    /// A positive amount in the document currency (rule 2071 for the currency).
    static func positive(
        _ value: Decimal, currency: Currency?, documentCurrency: Currency, field: String, rule: String
    ) throws(EInvoiceError) {
        guard value > 0 else { throw .nonPositiveAmount(field: "\(field).amount", rule: rule) }
        try amount(value, field: "\(field).amount", rule: rule)
        if let currency, currency != documentCurrency {
            throw .currencyMismatch(field: "\(field).currency", rule: "2071", expected: documentCurrency, found: currency)
        }
    }
}
