import Foundation

/// Everything the printed invoice shows, already computed and formatted by the caller.
///
/// The e-invoicing engine maps its documents to this, so the printer never does tax
/// arithmetic or money formatting: what SUNAT received in the XML is exactly what prints.
public struct PrintableDocument: Sendable, Equatable {
    /// The issuer or the customer, as identified on the document.
    public struct Party: Sendable, Equatable {
        public var name: String
        /// "RUC", "DNI", "CE", ... printed before `documentNumber`.
        public var documentLabel: String
        public var documentNumber: String
        public var address: String?

        public init(name: String, documentLabel: String, documentNumber: String, address: String? = nil) {
            self.name = name
            self.documentLabel = documentLabel
            self.documentNumber = documentNumber
            self.address = address
        }
    }

    /// One row of the items table, every cell already formatted.
    public struct Line: Sendable, Equatable {
        public var quantity: String
        /// Unit of measure as printed, e.g. "NIU" or "UNIDAD".
        public var unit: String
        public var description: String
        public var unitPrice: String
        public var total: String

        public init(quantity: String, unit: String, description: String, unitPrice: String, total: String) {
            self.quantity = quantity
            self.unit = unit
            self.description = description
            self.unitPrice = unitPrice
            self.total = total
        }
    }

    /// One row of the totals block, e.g. ("IGV 18%", "S/ 18.00").
    public struct Total: Sendable, Equatable {
        public var label: String
        public var amount: String

        public init(_ label: String, _ amount: String) {
            self.label = label
            self.amount = amount
        }
    }

    /// "FACTURA ELECTRÓNICA", "BOLETA DE VENTA ELECTRÓNICA", "NOTA DE CRÉDITO ELECTRÓNICA", ...
    public var title: String
    /// Series and number, e.g. "F001-123".
    public var number: String
    public var issuer: Party
    public var tradeName: String?
    /// `nil` for a boleta to an unidentified customer.
    public var customer: Party?
    /// dd/mm/yyyy.
    public var issueDate: String
    public var dueDate: String?
    /// As printed, e.g. "SOLES" or "PEN".
    public var currency: String
    /// "Contado", "Crédito: 2 cuotas ...".
    public var paymentTerms: String?
    public var lines: [Line]
    /// In print order; the last one is the amount payable and prints bold.
    public var totals: [Total]
    /// Printed as given, e.g. "SON: CIENTO DIECIOCHO CON 00/100 SOLES".
    public var amountInWords: String
    /// Legends, the document a credit note refers to, observations: one paragraph each.
    public var notes: [String]
    /// The SUNAT QR text, `RUC|TIPO|SERIE|NUMERO|IGV|TOTAL|FECHA|TIPODOC|NUMDOC|HASH|`.
    public var qrPayload: String
    /// The signature's DigestValue, printed under the QR.
    public var hash: String
    /// "Representación impresa de la FACTURA ELECTRÓNICA. Consulte en ...".
    public var footer: String
    /// A PNG image; any size, scaled down to fit the header.
    public var logoPNG: Data?

    public init(
        title: String, number: String, issuer: Party, tradeName: String? = nil, customer: Party?,
        issueDate: String, dueDate: String? = nil, currency: String, paymentTerms: String? = nil,
        lines: [Line], totals: [Total], amountInWords: String, notes: [String] = [],
        qrPayload: String, hash: String, footer: String, logoPNG: Data? = nil
    ) {
        self.title = title
        self.number = number
        self.issuer = issuer
        self.tradeName = tradeName
        self.customer = customer
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.currency = currency
        self.paymentTerms = paymentTerms
        self.lines = lines
        self.totals = totals
        self.amountInWords = amountInWords
        self.notes = notes
        self.qrPayload = qrPayload
        self.hash = hash
        self.footer = footer
        self.logoPNG = logoPNG
    }
}
