/// Credit note motives (SUNAT catalogue 09).
public enum CreditNoteMotive: String, Sendable, Hashable, Codable, CaseIterable {
    case anulacionOperacion = "01"
    case anulacionErrorRUC = "02"
    case correccionDescripcion = "03"
    case descuentoGlobal = "04"
    case descuentoItem = "05"
    case devolucionTotal = "06"
    case devolucionItem = "07"
    case bonificacion = "08"
    case disminucionValor = "09"
    case otrosConceptos = "10"
    case ajustesExportacion = "11"
    case ajustesIVAP = "12"
    case ajustesMontosFechasPago = "13"

    public var code: String { rawValue }

    /// Catalogue wording, used as the default sustento.
    public var name: String {
        switch self {
        case .anulacionOperacion: "Anulación de la operación"
        case .anulacionErrorRUC: "Anulación por error en el RUC"
        case .correccionDescripcion: "Corrección por error en la descripción"
        case .descuentoGlobal: "Descuento global"
        case .descuentoItem: "Descuento por ítem"
        case .devolucionTotal: "Devolución total"
        case .devolucionItem: "Devolución por ítem"
        case .bonificacion: "Bonificación"
        case .disminucionValor: "Disminución en el valor"
        case .otrosConceptos: "Otros conceptos"
        case .ajustesExportacion: "Ajustes de operaciones de exportación"
        case .ajustesIVAP: "Ajustes afectos al IVAP"
        case .ajustesMontosFechasPago: "Ajustes – montos y/o fechas de pago"
        }
    }
}

/// Debit note motives (SUNAT catalogue 10).
public enum DebitNoteMotive: String, Sendable, Hashable, Codable, CaseIterable {
    case interesesMora = "01"
    case aumentoValor = "02"
    case penalidades = "03"
    case ajustesExportacion = "11"
    case ajustesIVAP = "12"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .interesesMora: "Intereses por mora"
        case .aumentoValor: "Aumento en el valor"
        case .penalidades: "Penalidades/ otros conceptos"
        case .ajustesExportacion: "Ajustes de operaciones de exportación"
        case .ajustesIVAP: "Ajustes afectos al IVAP"
        }
    }
}
