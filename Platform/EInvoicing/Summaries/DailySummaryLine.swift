import Foundation
import Shared

/// What the resumen diario says happened to a comprobante (`cac:Status/cbc:ConditionCode`).
public enum SummaryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case add = "1"
    case modify = "2"
    /// Voids a boleta (or its note): boletas cannot go in a comunicación de baja.
    case void = "3"
}

/// The amounts of one comprobante as the resumen reports them, 2 decimals each.
public struct SummaryAmounts: Sendable, Equatable {
    /// Importe total (PayableAmount).
    public var total: Decimal
    public var taxed: Decimal
    public var exonerated: Decimal
    public var unaffected: Decimal
    public var export: Decimal
    public var free: Decimal
    /// Charges outside the IGV base (ChargeTotalAmount).
    public var otherCharges: Decimal
    public var igv: Decimal

    public init(
        total: Decimal, taxed: Decimal = 0, exonerated: Decimal = 0, unaffected: Decimal = 0,
        export: Decimal = 0, free: Decimal = 0, otherCharges: Decimal = 0, igv: Decimal = 0
    ) {
        self.total = total
        self.taxed = taxed
        self.exonerated = exonerated
        self.unaffected = unaffected
        self.export = export
        self.free = free
        self.otherCharges = otherCharges
        self.igv = igv
    }
}

/// One boleta, or a note modifying a boleta, in a resumen diario.
public struct DailySummaryLine: Sendable, Equatable, Codable {
    public var kind: DocumentKind
    public var series: String
    public var number: Int
    /// The buyer's document; omitted for anonymous buyers.
    public var customer: SummaryCustomer?
    /// The boleta a note modifies.
    public var reference: DocumentReference?
    public var status: SummaryStatus
    public var currency: Currency
    public var amounts: SummaryAmounts

    public init(
        kind: DocumentKind, series: String, number: Int, customer: SummaryCustomer?, reference: DocumentReference? = nil,
        status: SummaryStatus, currency: Currency = .pen, amounts: SummaryAmounts
    ) {
        self.kind = kind
        self.series = series
        self.number = number
        self.customer = customer
        self.reference = reference
        self.status = status
        self.currency = currency
        self.amounts = amounts
    }

    public var id: String { "\(series)-\(number)" }
}

public struct SummaryCustomer: Sendable, Equatable, Codable {
    public var documentType: IdentityDocumentType
    public var number: String

    public init(documentType: IdentityDocumentType, number: String) {
        self.documentType = documentType
        self.number = number
    }
}

extension DailySummaryLine {
    /// The resumen line of a computed boleta or boleta note.
    public init(_ calculated: CalculatedDocument, status: SummaryStatus) {
        let document = calculated.document
        let totals = calculated.totals
        let customer = document.customer
        let anonymous = customer.documentType.isAnonymous || customer.number.trimmedText == "-"
        self.init(
            kind: document.kind, series: document.series, number: document.number,
            customer: anonymous ? nil : SummaryCustomer(documentType: customer.documentType, number: customer.number.trimmedText),
            reference: document.note?.reference, status: status, currency: document.currency,
            amounts: SummaryAmounts(
                total: totals.payableAmount, taxed: totals.taxedAmount, exonerated: totals.exoneratedAmount,
                unaffected: totals.unaffectedAmount, export: totals.exportAmount, free: totals.freeAmount,
                otherCharges: totals.chargeTotalAmount, igv: totals.igv)
        )
    }
}
