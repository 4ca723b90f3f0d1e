/// Document-level tax schemes (SUNAT catalogue 05) this library totals.
public enum TaxScheme: String, Sendable, Hashable, Codable, CaseIterable {
    case igv = "1000"
    case exonerado = "9997"
    case inafecto = "9998"
    case gratuito = "9996"
    case exportacion = "9995"

    public var code: String { rawValue }

    /// `cac:TaxScheme/cbc:Name`, checked against the catalogue (rule 2964).
    public var name: String {
        switch self {
        case .igv: "IGV"
        case .exonerado: "EXO"
        case .inafecto: "INA"
        case .gratuito: "GRA"
        case .exportacion: "EXP"
        }
    }

    /// `cac:TaxScheme/cbc:TaxTypeCode` (UN/ECE 5153), checked by rule 2961.
    public var typeCode: String {
        switch self {
        case .igv, .exonerado: "VAT"
        case .inafecto, .gratuito, .exportacion: "FRE"
        }
    }
}
