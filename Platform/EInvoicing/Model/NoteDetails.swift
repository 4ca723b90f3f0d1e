/// The comprobante a note modifies (`BillingReference/InvoiceDocumentReference`).
public struct DocumentReference: Sendable, Equatable, Codable {
    /// Only facturas (01) and boletas (03) can be modified by the notes built here.
    public var kind: DocumentKind
    public var series: String
    public var number: Int

    public init(kind: DocumentKind, series: String, number: Int) {
        self.kind = kind
        self.series = series
        self.number = number
    }

    /// "F001-123": SUNAT compares this text, so the number has no leading zeros.
    public var id: String { "\(series)-\(number)" }
}

/// What a credit or debit note modifies and why.
///
/// Fields are optional so that a note missing them is reported as a typed
/// error naming the field (rules 2524 and 2128) instead of failing to decode.
public struct NoteDetails: Sendable, Equatable, Codable {
    public var reference: DocumentReference?
    /// Catalogue 09 code for credit notes, catalogue 10 for debit notes.
    public var motive: String?
    /// Sustento; defaults to the catalogue name of the motive.
    public var description: String?

    public init(reference: DocumentReference?, motive: String?, description: String? = nil) {
        self.reference = reference
        self.motive = motive
        self.description = description
    }

    public init(reference: DocumentReference, motive: CreditNoteMotive, description: String? = nil) {
        self.init(reference: reference, motive: motive.code, description: description)
    }

    public init(reference: DocumentReference, motive: DebitNoteMotive, description: String? = nil) {
        self.init(reference: reference, motive: motive.code, description: description)
    }
}
