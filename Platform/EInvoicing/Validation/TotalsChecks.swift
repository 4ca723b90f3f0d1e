import Foundation

/// Rules that need the computed amounts.
enum TotalsChecks {
    /// Boletas above S/ 700 must identify the buyer (Reglamento de
    /// Comprobantes de Pago). The limit is in soles and no exchange rate is
    /// known here, so a boleta in another currency always needs the buyer.
    static let boletaAnonymousLimit: Decimal = 700

    static func checkBuyer(_ document: EInvoiceDocument, totals: DocumentTotals) throws(EInvoiceError) {
        guard document.kind == .boleta else { return }
        let customer = document.customer
        let number = customer.number.trimmingCharacters(in: .whitespaces)
        let identified = !customer.documentType.isAnonymous && number != "-"
        guard !identified else { return }
        let limit: Decimal = document.currency == .pen ? boletaAnonymousLimit : 0
        if totals.payableAmount > limit {
            throw .buyerIdentificationRequired(field: "customer.documentType", rule: "RCP-700", limit: limit)
        }
    }

    /// Every amount must fit SUNAT's 12 integer digits.
    static func checkLimits(lines: [ComputedLine], totals: DocumentTotals) throws(EInvoiceError) {
        for line in lines where line.grossValue >= DecimalRules.amountLimit {
            throw .amountTooLarge(field: "lines[\(line.position - 1)].quantity", rule: "2370")
        }
        let amounts: [(Decimal, String)] = [
            (totals.lineExtensionAmount, "lineExtensionAmount"), (totals.taxInclusiveAmount, "taxInclusiveAmount"),
            (totals.chargeTotalAmount, "chargeTotalAmount"), (totals.payableAmount, "payableAmount"),
            (totals.freeAmount, "freeAmount"),
        ]
        for (amount, name) in amounts where amount >= DecimalRules.amountLimit {
            throw .amountTooLarge(field: "totals.\(name)", rule: "2062")
        }
    }

    /// Declared amounts must match to the céntimo; each names its SUNAT rule.
    static func checkDeclared(_ declared: DeclaredTotals?, totals: DocumentTotals) throws(EInvoiceError) {
        guard let declared else { return }
        let pairs: [(Decimal?, Decimal, String, String)] = [
            (declared.taxedAmount, totals.taxedAmount, "taxedAmount", "3277"),
            (declared.exoneratedAmount, totals.exoneratedAmount, "exoneratedAmount", "3275"),
            (declared.unaffectedAmount, totals.unaffectedAmount, "unaffectedAmount", "3274"),
            (declared.exportAmount, totals.exportAmount, "exportAmount", "3273"),
            (declared.freeAmount, totals.freeAmount, "freeAmount", "3276"),
            (declared.igv, totals.igv, "igv", "3291"),
            (declared.taxAmount, totals.taxAmount, "taxAmount", "3294"),
            (declared.lineExtensionAmount, totals.lineExtensionAmount, "lineExtensionAmount", "3278"),
            (declared.taxInclusiveAmount, totals.taxInclusiveAmount, "taxInclusiveAmount", "3279"),
            (declared.allowanceTotalAmount, totals.allowanceTotalAmount, "allowanceTotalAmount", "3300"),
            (declared.chargeTotalAmount, totals.chargeTotalAmount, "chargeTotalAmount", "3301"),
            (declared.payableAmount, totals.payableAmount, "payableAmount", "3280"),
        ]
        for (given, computed, name, rule) in pairs {
            guard let given, given != computed else { continue }
            throw .declaredAmountMismatch(field: "declared.\(name)", rule: rule, computed: computed, declared: given)
        }
    }
}
