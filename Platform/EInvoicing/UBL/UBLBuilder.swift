import Foundation

/// A comprobante ready to sign: UTF-8 XML, its SUNAT file name, and the
/// amounts it carries.
public struct BuiltDocument: Sendable, Equatable {
    /// `<?xml version="1.0" encoding="UTF-8"?>` followed by the document, unindented.
    public let xml: Data
    /// "RUC-TT-SERIE-NUMERO", e.g. "20100070970-01-F001-123" (add ".xml"/".zip" as needed).
    public let fileName: String
    public let calculated: CalculatedDocument
}

/// Builds the UBL 2.1 XML of facturas, boletas and notes.
public enum UBLBuilder {
    /// Id the signer gives `ds:Signature`; `cac:Signature` points to "#" + this.
    public static let signatureID = "MultinichoSign"

    /// Validates, computes and writes `document`.
    public static func build(_ document: EInvoiceDocument) throws(EInvoiceError) -> BuiltDocument {
        build(try EInvoiceCalculator.calculate(document))
    }

    /// Writes an already calculated document.
    public static func build(_ calculated: CalculatedDocument) -> BuiltDocument {
        let writer = switch calculated.document.kind {
        case .factura, .boleta: UBLDocuments.invoice(calculated)
        case .notaCredito: UBLDocuments.creditNote(calculated)
        case .notaDebito: UBLDocuments.debitNote(calculated)
        }
        return BuiltDocument(xml: writer.data, fileName: calculated.document.fileName, calculated: calculated)
    }
}
