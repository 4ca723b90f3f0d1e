import EInvoicing
import Foundation

/// A signed factura, boleta or note: the bytes to store, zip and send, exactly as signed.
public struct SignedInvoice: Sendable, Equatable {
    /// Signed UTF-8 XML. Never reformat it: SUNAT checks the signature over these bytes
    /// (error 2335).
    public let xml: Data
    /// "RUC-TT-SERIE-NUMERO", without extension.
    public let fileName: String
    /// The signature's `ds:DigestValue` (base64), the "código hash" of the printout and QR.
    public let digestValue: String
    public let calculated: CalculatedDocument

    /// A document signed earlier, rebuilt from its stored parts (to print it again, say).
    public init(xml: Data, fileName: String, digestValue: String, calculated: CalculatedDocument) {
        self.xml = xml
        self.fileName = fileName
        self.digestValue = digestValue
        self.calculated = calculated
    }
}

/// A signed resumen diario (RC) or comunicación de baja (RA), sent with `sendSummary`.
public struct SignedSummary: Sendable, Equatable {
    public let xml: Data
    /// "RUC-RC-YYYYMMDD-n" / "RUC-RA-YYYYMMDD-n", without extension.
    public let fileName: String
    /// "RC-YYYYMMDD-n" / "RA-YYYYMMDD-n".
    public let id: String
    public let digestValue: String
}
