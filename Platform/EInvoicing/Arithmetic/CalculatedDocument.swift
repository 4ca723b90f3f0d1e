import Foundation

/// A validated document with every amount computed: what the UBL builders
/// write and what a printed representation should show.
public struct CalculatedDocument: Sendable, Equatable {
    public let document: EInvoiceDocument
    public let operationType: OperationType
    public let lines: [ComputedLine]
    public let totals: DocumentTotals
    public let legends: [Legend]
    /// Forma de pago as written: `.contado` unless credit was given; `nil` on debit notes
    /// and on credit notes other than motive 13.
    public let paymentTerms: PaymentTerms?

    /// Monto neto pendiente de pago of a credit sale: the payable amount on
    /// facturas and boletas, the new instalment schedule on a motive-13 credit note.
    public var creditAmount: Decimal? {
        guard case .credito(let cuotas) = paymentTerms else { return nil }
        if document.kind.isNote { return cuotas.reduce(0) { $0 + $1.amount } }
        return totals.payableAmount
    }
}
