import EInvoicing
import Foundation
import Shared

/// Exact decimal from text; test amounts never go through `Double`.
func dec(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

func date(_ iso: String) -> LimaDate {
    LimaDate.parse(iso)!
}

enum Fixtures {
    /// SUNAT's own RUC (valid check digit), used as the issuer everywhere.
    static let issuerRUC = "20100070970"
    static let customerRUC = "20131312955"

    static let issuer = Issuer(
        ruc: issuerRUC, legalName: "BODEGA & DISTRIBUIDORA \"EL SOL\" S.A.C.", tradeName: "El Sol <Lima>",
        address: IssuerAddress(
            ubigeo: "150101", line: "AV. ABANCAY 123", district: "LIMA", province: "LIMA", department: "LIMA")
    )

    static let company = Customer(
        documentType: .ruc, number: customerRUC, name: "CLIENTE CORPORATIVO S.A.",
        address: CustomerAddress(line: "JR. UNION 456"))

    static let person = Customer(documentType: .dni, number: "45678912", name: "MARÍA PÉREZ ÑAHUI")

    static let issueDate = date("2026-03-02")

    static func factura(
        _ lines: [Line], number: Int = 123, currency: Currency = .pen,
        adjustments: [GlobalAdjustment] = [], paymentTerms: PaymentTerms? = nil, declared: DeclaredTotals? = nil
    ) -> EInvoiceDocument {
        EInvoiceDocument(
            kind: .factura, series: "F001", number: number, issueDate: issueDate,
            issueTime: IssueTime(hour: 10, minute: 15, second: 0), currency: currency, issuer: issuer,
            customer: company, lines: lines, adjustments: adjustments, paymentTerms: paymentTerms, declared: declared)
    }

    static func boleta(_ lines: [Line], customer: Customer = person, currency: Currency = .pen) -> EInvoiceDocument {
        EInvoiceDocument(
            kind: .boleta, series: "B001", number: 45, issueDate: issueDate, currency: currency,
            issuer: issuer, customer: customer, lines: lines)
    }

    static func note(
        _ kind: DocumentKind, series: String = "FC01", motive: String? = "01",
        reference: DocumentReference? = DocumentReference(kind: .factura, series: "F001", number: 123),
        lines: [Line] = [Line(description: "Producto", quantity: 1, unitValue: 100)],
        customer: Customer = company
    ) -> EInvoiceDocument {
        EInvoiceDocument(
            kind: kind, series: series, number: 7, issueDate: date("2026-03-05"), issuer: issuer,
            customer: customer, lines: lines, note: NoteDetails(reference: reference, motive: motive))
    }

    static let simpleLine = Line(description: "Producto", quantity: 1, unitValue: 100)
}
