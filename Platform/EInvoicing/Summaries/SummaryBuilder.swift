import Foundation

/// A resumen diario or comunicación de baja ready to sign.
public struct BuiltSummary: Sendable, Equatable {
    /// UTF-8 XML with its declaration, unindented.
    public let xml: Data
    /// "RUC-RC-YYYYMMDD-n" / "RUC-RA-YYYYMMDD-n".
    public let fileName: String
    /// "RC-YYYYMMDD-n" / "RA-YYYYMMDD-n", the `cbc:ID`.
    public let id: String
}

/// Builds the UBL 2.0 summary documents sent with `sendSummary`.
public enum SummaryBuilder {
    public static func build(_ summary: DailySummary) throws(EInvoiceError) -> BuiltSummary {
        try SummaryValidator.validate(summary)
        return BuiltSummary(xml: SummaryXML.dailySummary(summary).data, fileName: summary.fileName, id: summary.id)
    }

    public static func build(_ voided: VoidedDocuments) throws(EInvoiceError) -> BuiltSummary {
        try SummaryValidator.validate(voided)
        return BuiltSummary(xml: SummaryXML.voided(voided).data, fileName: voided.fileName, id: voided.id)
    }
}
