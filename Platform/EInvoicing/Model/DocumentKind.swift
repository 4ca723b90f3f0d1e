/// The comprobantes this library builds, with their SUNAT catalogue 01 codes.
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case factura = "01"
    case boleta = "03"
    case notaCredito = "07"
    case notaDebito = "08"

    /// Catalogue 01 code, e.g. "01".
    public var code: String { rawValue }

    /// Credit and debit notes modify another comprobante and carry a motive.
    public var isNote: Bool { self == .notaCredito || self == .notaDebito }

    /// Spanish name for messages shown to business owners.
    public var spanishName: String {
        switch self {
        case .factura: "factura"
        case .boleta: "boleta de venta"
        case .notaCredito: "nota de crédito"
        case .notaDebito: "nota de débito"
        }
    }

    /// English name for logs.
    public var englishName: String {
        switch self {
        case .factura: "invoice (factura)"
        case .boleta: "sales receipt (boleta)"
        case .notaCredito: "credit note"
        case .notaDebito: "debit note"
        }
    }
}
