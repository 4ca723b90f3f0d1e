import Foundation

/// Forma de pago rules (3244–3319).
enum PaymentValidator {
    static let maxInstallments = 999

    /// The terms to write: facturas and boletas default to `.contado`; debit
    /// notes carry none; credit notes only with motive 13, and then on credit.
    static func resolve(_ document: EInvoiceDocument) throws(EInvoiceError) -> PaymentTerms? {
        switch document.kind {
        case .factura, .boleta:
            let terms = document.paymentTerms ?? .contado
            try validateInstallments(terms, of: document)
            return terms
        case .notaDebito:
            if document.paymentTerms != nil { throw .notAllowed(field: "paymentTerms", rule: "FormaPago") }
            return nil
        case .notaCredito:
            return try resolveCreditNote(document)
        }
    }

    private static func resolveCreditNote(_ document: EInvoiceDocument) throws(EInvoiceError) -> PaymentTerms? {
        let isMotive13 = document.note?.motive == CreditNoteMotive.ajustesMontosFechasPago.code
        guard isMotive13 else {
            if document.paymentTerms != nil { throw .notAllowed(field: "paymentTerms", rule: "FormaPago") }
            return nil
        }
        guard let terms = document.paymentTerms, case .credito = terms else {
            throw .missingInstallments(field: "paymentTerms", rule: "3257")
        }
        try validateInstallments(terms, of: document)
        return terms
    }

    private static func validateInstallments(_ terms: PaymentTerms, of document: EInvoiceDocument) throws(EInvoiceError) {
        guard case .credito(let cuotas) = terms else { return }
        guard !cuotas.isEmpty else { throw .missingInstallments(field: "paymentTerms.cuotas", rule: "3249") }
        guard cuotas.count <= maxInstallments else {
            throw .tooManyLines(field: "paymentTerms.cuotas", rule: "3246", limit: maxInstallments)
        }
        for (index, cuota) in cuotas.enumerated() {
            let field = "paymentTerms.cuotas[\(index)]"
            try AmountRules.positive(
                cuota.amount, currency: cuota.currency, documentCurrency: document.currency, field: field, rule: "3254")
            guard cuota.dueDate > document.issueDate else {
                throw .installmentDueDateNotAfterIssueDate(field: "\(field).dueDate", rule: "3267")
            }
        }
    }

    /// Σ cuotas must equal the amount on credit (3319), here the payable amount.
    static func checkSum(_ calculated: CalculatedDocument) throws(EInvoiceError) {
        guard case .credito(let cuotas) = calculated.paymentTerms, !calculated.document.kind.isNote else { return }
        let sum = cuotas.reduce(Decimal(0)) { $0 + $1.amount }
        let expected = calculated.totals.payableAmount
        guard sum == expected else {
            throw .installmentsSumMismatch(field: "paymentTerms.cuotas", rule: "3319", expected: expected, actual: sum)
        }
    }
}
