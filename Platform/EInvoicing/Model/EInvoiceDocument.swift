import Foundation
import Shared

/// A factura, boleta, credit note or debit note as the business describes it.
///
/// It holds what was sold, never totals: the engine (`EInvoiceCalculator`)
/// computes every amount, so a document it accepts cannot carry totals SUNAT
/// rejects. Build the XML with `UBLBuilder.build(_:)`; decode it from JSON
/// with `EInvoiceDocument.decode(json:)` (the JSON shape is documented there).
public struct EInvoiceDocument: Sendable, Equatable {
    public var kind: DocumentKind
    /// Four characters: "F001" (factura), "B001" (boleta); notes use the
    /// letter of the comprobante they modify ("FC01", "F001", "BC01").
    public var series: String
    /// Correlative, 1...99999999; written without leading zeros.
    public var number: Int
    public var issueDate: LimaDate
    public var issueTime: IssueTime?
    public var currency: Currency
    /// Defaults to venta interna (0101), or exportación (0200) when every line is an export.
    public var operationType: OperationType?
    public var issuer: Issuer
    public var customer: Customer
    public var lines: [Line]
    public var adjustments: [GlobalAdjustment]
    /// Defaults to `.contado` on facturas and boletas.
    public var paymentTerms: PaymentTerms?
    /// Required on credit and debit notes, refused on facturas and boletas.
    public var note: NoteDetails?
    /// Amounts to cross-check; see `DeclaredTotals`.
    public var declared: DeclaredTotals?

    public init(
        kind: DocumentKind, series: String, number: Int, issueDate: LimaDate, issueTime: IssueTime? = nil,
        currency: Currency = .pen, operationType: OperationType? = nil, issuer: Issuer, customer: Customer,
        lines: [Line], adjustments: [GlobalAdjustment] = [], paymentTerms: PaymentTerms? = nil,
        note: NoteDetails? = nil, declared: DeclaredTotals? = nil
    ) {
        self.kind = kind
        self.series = series
        self.number = number
        self.issueDate = issueDate
        self.issueTime = issueTime
        self.currency = currency
        self.operationType = operationType
        self.issuer = issuer
        self.customer = customer
        self.lines = lines
        self.adjustments = adjustments
        self.paymentTerms = paymentTerms
        self.note = note
        self.declared = declared
    }

    /// "F001-123", the `cbc:ID`.
    public var id: String { "\(series)-\(number)" }

    /// "20100070970-01-F001-123": SUNAT matches RUC, type, series and number
    /// of the file name against the content (rules 1034–1036).
    public var fileName: String { "\(issuer.ruc)-\(kind.code)-\(series)-\(number)" }
}
