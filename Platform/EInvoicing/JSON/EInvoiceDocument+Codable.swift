import Foundation
import Shared

extension EInvoiceDocument: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, series, number, issueDate, issueTime, currency, operationType, issuer, customer
        case lines, adjustments, paymentTerms, note, declared
    }

    /// Decodes a document from JSON, e.g. a file given to a CLI.
    ///
    /// Codes are SUNAT's own (catalogues 01, 06, 07, 09/10, 51, 53), dates are
    /// ISO "yyyy-mm-dd" (Lima), amounts are JSON numbers or strings and are
    /// read as exact decimals. Optional keys and their defaults: `issueTime`
    /// (omitted), `currency` ("PEN"), `operationType` (0101, or 0200 when every
    /// line is an export), `unitCode` ("NIU"), `affectation` ("10"),
    /// `establishmentCode` ("0000"), `countryCode` ("PE"), `adjustments` ([]),
    /// `paymentTerms` (contado), `note`, `declared`. Give each line either
    /// `unitValue` (without IGV) or `unitPrice` (with IGV). Totals are never
    /// read from the input; `declared` amounts are only cross-checked.
    ///
    /// ```json
    /// {
    ///   "kind": "01", "series": "F001", "number": 123,
    ///   "issueDate": "2026-03-02", "issueTime": "10:15:00", "currency": "PEN",
    ///   "issuer": {
    ///     "ruc": "20100070970", "legalName": "BODEGA EL SOL S.A.C.", "tradeName": "El Sol",
    ///     "address": { "ubigeo": "150101", "establishmentCode": "0000", "line": "AV. ABANCAY 123",
    ///                  "district": "LIMA", "province": "LIMA", "department": "LIMA" }
    ///   },
    ///   "customer": { "documentType": "6", "number": "20131312955", "name": "CLIENTE S.A.",
    ///                 "address": { "line": "JR. UNION 456" } },
    ///   "lines": [
    ///     { "description": "Arroz 5 kg", "unitCode": "NIU", "quantity": 2, "unitPrice": 23.60 },
    ///     { "description": "Libro", "quantity": 1, "unitValue": 40, "affectation": "20" },
    ///     { "description": "Muestra", "quantity": 1, "unitValue": 5, "affectation": "15" },
    ///     { "description": "Servicio", "unitCode": "ZZ", "quantity": "1.5", "unitValue": 100, "discount": 10 }
    ///   ],
    ///   "adjustments": [ { "code": "02", "amount": 5.00 } ],
    ///   "paymentTerms": { "type": "credito",
    ///                     "cuotas": [ { "amount": 146.50, "dueDate": "2026-04-01" },
    ///                                 { "amount": "100.00", "dueDate": "2026-05-01" } ] },
    ///   "declared": { "igv": 31.50, "payableAmount": 246.50 }
    /// }
    /// ```
    ///
    /// Notes (`"kind": "07"` or `"08"`) add
    /// `"note": { "reference": { "kind": "01", "series": "F001", "number": 100 },
    /// "motive": "01", "description": "Anulación de la operación" }`.
    public static func decode(json: Data) throws -> EInvoiceDocument {
        try JSONDecoder().decode(EInvoiceDocument.self, from: json)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(DocumentKind.self, forKey: .kind),
            series: try container.decode(String.self, forKey: .series),
            number: try container.decode(Int.self, forKey: .number),
            issueDate: try container.decode(LimaDate.self, forKey: .issueDate),
            issueTime: try container.decodeIfPresent(IssueTime.self, forKey: .issueTime),
            currency: try container.decodeIfPresent(Currency.self, forKey: .currency) ?? .pen,
            operationType: try container.decodeIfPresent(OperationType.self, forKey: .operationType),
            issuer: try container.decode(Issuer.self, forKey: .issuer),
            customer: try container.decode(Customer.self, forKey: .customer),
            lines: try container.decode([Line].self, forKey: .lines),
            adjustments: try container.decodeIfPresent([GlobalAdjustment].self, forKey: .adjustments) ?? [],
            paymentTerms: try container.decodeIfPresent(PaymentTerms.self, forKey: .paymentTerms),
            note: try container.decodeIfPresent(NoteDetails.self, forKey: .note),
            declared: try container.decodeIfPresent(DeclaredTotals.self, forKey: .declared)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(series, forKey: .series)
        try container.encode(number, forKey: .number)
        try container.encode(issueDate, forKey: .issueDate)
        try container.encodeIfPresent(issueTime, forKey: .issueTime)
        try container.encode(currency, forKey: .currency)
        try container.encodeIfPresent(operationType, forKey: .operationType)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(customer, forKey: .customer)
        try container.encode(lines, forKey: .lines)
        try container.encode(adjustments, forKey: .adjustments)
        try container.encodeIfPresent(paymentTerms, forKey: .paymentTerms)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(declared, forKey: .declared)
    }
}
