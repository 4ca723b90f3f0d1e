import EInvoicing
import Shared

/// Words of the printout that depend on the document (the fixed ones live in EInvoicingPDF).
enum PrintedText {
    static func title(_ kind: DocumentKind) -> String {
        switch kind {
        case .factura: "FACTURA ELECTRÓNICA"
        case .boleta: "BOLETA DE VENTA ELECTRÓNICA"
        case .notaCredito: "NOTA DE CRÉDITO ELECTRÓNICA"
        case .notaDebito: "NOTA DE DÉBITO ELECTRÓNICA"
        }
    }

    static func currency(_ currency: Currency) -> String {
        switch currency {
        case .pen: "SOLES"
        case .usd: "DÓLARES AMERICANOS"
        }
    }

    /// Short label of a catalogue-06 document type, printed before its number.
    static func documentLabel(_ type: IdentityDocumentType) -> String {
        switch type {
        case .ruc: "RUC"
        case .dni: "DNI"
        case .carnetExtranjeria: "CE"
        case .pasaporte: "Pasaporte"
        case .cedulaDiplomatica: "Céd. diplomática"
        case .noDomiciliado, .documentoPaisResidencia, .tin, .identificationNumber: "Doc. extranjero"
        case .tarjetaAndinaMigracion: "TAM"
        case .permisoTemporalPermanencia: "PTP"
        case .salvoconducto: "Salvoconducto"
        case .varios: "Doc."
        }
    }

    static func motive(_ code: String, kind: DocumentKind) -> String {
        let name = kind == .notaCredito ? CreditNoteMotive(rawValue: code)?.name : DebitNoteMotive(rawValue: code)?.name
        return name.map { "\(code) \($0)" } ?? code
    }

    static let defaultFooterSite = "https://e-consulta.sunat.gob.pe"

    static func footer(_ kind: DocumentKind, site: String) -> String {
        "Representación impresa de la \(title(kind)). Consulte su validez en \(site)"
    }
}
