/// How IGV applies to a line (SUNAT catalogue 07, "tipo de afectación").
///
/// IVAP (17) is not offered: it needs its own 4 % scheme and legend.
public enum TaxAffectation: String, Sendable, Hashable, Codable, CaseIterable {
    case gravado = "10"
    case gravadoRetiroPremio = "11"
    case gravadoRetiroDonacion = "12"
    case gravadoRetiro = "13"
    case gravadoRetiroPublicidad = "14"
    case gravadoBonificacion = "15"
    case gravadoRetiroTrabajadores = "16"
    case exonerado = "20"
    case exoneradoGratuito = "21"
    case inafecto = "30"
    case inafectoRetiroBonificacion = "31"
    case inafectoRetiro = "32"
    case inafectoRetiroMuestrasMedicas = "33"
    case inafectoRetiroConvenioColectivo = "34"
    case inafectoRetiroPremio = "35"
    case inafectoRetiroPublicidad = "36"
    case inafectoGratuito = "37"
    case exportacion = "40"

    public var code: String { rawValue }

    /// Free transfers (retiros, bonificaciones): no price is charged and the
    /// line only carries a reference value.
    public var isFree: Bool {
        switch self {
        case .gravado, .exonerado, .inafecto, .exportacion: false
        default: true
        }
    }

    /// Lines whose value bears IGV: the onerous 10 and the free 11–16, whose
    /// IGV is shown but not charged.
    public var bearsIGV: Bool {
        switch self {
        case .gravado, .gravadoRetiroPremio, .gravadoRetiroDonacion, .gravadoRetiro,
             .gravadoRetiroPublicidad, .gravadoBonificacion, .gravadoRetiroTrabajadores: true
        default: false
        }
    }

    /// The document-level tax scheme (catalogue 05) the line is totalled in.
    public var scheme: TaxScheme {
        if isFree { return .gratuito }
        switch self {
        case .exonerado: return .exonerado
        case .inafecto: return .inafecto
        case .exportacion: return .exportacion
        default: return .igv
        }
    }
}
