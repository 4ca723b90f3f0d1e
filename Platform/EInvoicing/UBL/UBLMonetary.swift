import Foundation
import Shared

extension XMLWriter {
    /// Forma de pago: "Contado", or "Credito" with the amount on credit
    /// followed by Cuota001, Cuota002… with amount and due date (3244–3319).
    mutating func paymentTerms(_ calculated: CalculatedDocument) {
        guard let terms = calculated.paymentTerms else { return }
        let currency = calculated.document.currency
        switch terms {
        case .contado:
            element("cac:PaymentTerms") { w in
                w.leaf("cbc:ID", "FormaPago")
                w.leaf("cbc:PaymentMeansID", "Contado")
            }
        case .credito(let cuotas):
            element("cac:PaymentTerms") { w in
                w.leaf("cbc:ID", "FormaPago")
                w.leaf("cbc:PaymentMeansID", "Credito")
                w.amount("cbc:Amount", calculated.creditAmount ?? 0, currency)
            }
            for (index, cuota) in cuotas.enumerated() {
                element("cac:PaymentTerms") { w in
                    w.leaf("cbc:ID", "FormaPago")
                    w.leaf("cbc:PaymentMeansID", Self.cuotaID(index + 1))
                    w.amount("cbc:Amount", cuota.amount, currency)
                    w.leaf("cbc:PaymentDueDate", cuota.dueDate.iso)
                }
            }
        }
    }

    /// "Cuota001"…"Cuota999" (rule 3246).
    static func cuotaID(_ position: Int) -> String {
        let digits = String(position)
        return "Cuota" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// Global discounts and charges (catalogue 53).
    mutating func globalAdjustments(_ totals: DocumentTotals) {
        for computed in totals.adjustments {
            allowanceCharge(
                isCharge: computed.adjustment.code.isCharge, code: computed.adjustment.code.code,
                factor: computed.factor, amount: computed.adjustment.amount, base: computed.baseAmount,
                currency: totals.currency)
        }
    }

    /// A line discount (code 00), which lowers the line's taxable base.
    mutating func lineDiscount(_ line: ComputedLine, _ currency: Currency) {
        guard line.discount > 0 else { return }
        let factor = line.grossValue > 0 ? Rounding.halfUp(line.discount / line.grossValue, scale: 5) : nil
        allowanceCharge(
            isCharge: false, code: "00", factor: factor, amount: line.discount, base: line.grossValue, currency: currency)
    }

    private mutating func allowanceCharge(
        isCharge: Bool, code: String, factor: Decimal?, amount: Decimal, base: Decimal, currency: Currency
    ) {
        element("cac:AllowanceCharge") { w in
            w.leaf("cbc:ChargeIndicator", isCharge ? "true" : "false")
            w.leaf("cbc:AllowanceChargeReasonCode", code, UBL.catalogue("53", name: "Cargo/descuento"))
            if let factor { w.leaf("cbc:MultiplierFactorNumeric", DecimalText.trimmed(factor, maxScale: 5)) }
            w.amount("cbc:Amount", amount, currency)
            w.amount("cbc:BaseAmount", base, currency)
        }
    }

    /// `LegalMonetaryTotal` (or `RequestedMonetaryTotal` on debit notes);
    /// allowance and charge totals only when there are any.
    mutating func monetaryTotal(_ name: String, _ totals: DocumentTotals) {
        element(name) { w in
            w.amount("cbc:LineExtensionAmount", totals.lineExtensionAmount, totals.currency)
            w.amount("cbc:TaxInclusiveAmount", totals.taxInclusiveAmount, totals.currency)
            if totals.allowanceTotalAmount > 0 {
                w.amount("cbc:AllowanceTotalAmount", totals.allowanceTotalAmount, totals.currency)
            }
            if totals.chargeTotalAmount > 0 {
                w.amount("cbc:ChargeTotalAmount", totals.chargeTotalAmount, totals.currency)
            }
            w.amount("cbc:PayableAmount", totals.payableAmount, totals.currency)
        }
    }
}
