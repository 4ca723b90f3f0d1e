/// Operation type (SUNAT catalogue 51), sent as `InvoiceTypeCode/@listID`.
///
/// Only the types whose rules this library enforces are offered; detracción,
/// percepción and the other special regimes need amounts it does not model.
public enum OperationType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Domestic sale, the everyday case.
    case ventaInterna = "0101"
    /// Export of goods.
    case exportacionBienes = "0200"
    /// Export of services rendered entirely in Peru.
    case exportacionServicios = "0201"

    public var code: String { rawValue }

    public var isExport: Bool { self != .ventaInterna }
}
