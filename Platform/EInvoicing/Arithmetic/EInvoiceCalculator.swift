import Foundation

/// The engine: validates a document and computes every amount SUNAT checks.
public enum EInvoiceCalculator {
    /// Validates `document` and computes lines, totals and legends.
    ///
    /// - Throws: `EInvoiceError` naming the first field that breaks a rule;
    ///   nothing is computed from invalid input.
    public static func calculate(_ document: EInvoiceDocument) throws(EInvoiceError) -> CalculatedDocument {
        let context = try DocumentValidator.validate(document)
        var lines: [ComputedLine] = []
        for (index, line) in document.lines.enumerated() {
            lines.append(try LineCalculator.compute(line, position: index + 1))
        }
        let totals = try TotalsCalculator.compute(
            lines: lines, adjustments: document.adjustments, currency: document.currency)
        try TotalsChecks.checkLimits(lines: lines, totals: totals)
        try TotalsChecks.checkBuyer(document, totals: totals)
        let calculated = CalculatedDocument(
            document: document, operationType: context.operationType, lines: lines, totals: totals,
            legends: try Legend.legends(for: totals, hasFreeLines: lines.contains { $0.affectation.isFree }),
            paymentTerms: context.paymentTerms
        )
        try PaymentValidator.checkSum(calculated)
        try TotalsChecks.checkDeclared(document.declared, totals: totals)
        return calculated
    }
}
