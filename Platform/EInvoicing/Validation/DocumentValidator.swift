import Foundation
import Shared

/// Input rules checked before any arithmetic, in the order a user would fix them.
enum DocumentValidator {
    struct Context {
        let operationType: OperationType
        let paymentTerms: PaymentTerms?
    }

    static func validate(_ document: EInvoiceDocument) throws(EInvoiceError) -> Context {
        try NumberingRules.validate(document)
        try PartyValidator.validateIssuer(document.issuer)
        try PartyValidator.validateCustomer(document.customer)
        try NoteValidator.validate(document)
        try LineValidator.validate(document.lines)
        let operationType = resolveOperationType(document)
        try LineValidator.validateOperation(document.lines, operationType: operationType)
        try PartyValidator.validateCustomerForKind(document, operationType: operationType)
        try validateAdjustments(document)
        let terms = try PaymentValidator.resolve(document)
        if let currency = document.declared?.currency, currency != document.currency {
            throw .currencyMismatch(field: "declared.currency", rule: "2071", expected: document.currency, found: currency)
        }
        return Context(operationType: operationType, paymentTerms: terms)
    }

    /// The caller's type, else export (0200) when every onerous line is an export.
    private static func resolveOperationType(_ document: EInvoiceDocument) -> OperationType {
        if let given = document.operationType { return given }
        let onerous = document.lines.filter { !$0.affectation.isFree }
        let allExport = !onerous.isEmpty && onerous.allSatisfy { $0.affectation == .exportacion }
        return allExport ? .exportacionBienes : .ventaInterna
    }

    private static func validateAdjustments(_ document: EInvoiceDocument) throws(EInvoiceError) {
        for (index, adjustment) in document.adjustments.enumerated() {
            try AmountRules.positive(
                adjustment.amount, currency: adjustment.currency, documentCurrency: document.currency,
                field: "adjustments[\(index)]", rule: "2968")
        }
    }
}
