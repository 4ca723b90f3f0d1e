import EInvoicing
import Foundation
import Shared

/// The text of the QR code SUNAT requires on every printed representation.
public enum SUNATQRCode {
    /// `RUC|TIPO|SERIE|NUMERO|IGV|TOTAL|FECHA|TIPODOC|NUMDOC|HASH|`: amounts with 2 decimals,
    /// the date as yyyy-mm-dd, HASH the signature's DigestValue; the trailing bar is part of
    /// the format. An anonymous buyer is written as its catalogue-06 code and "-", as in the XML.
    public static func payload(_ calculated: CalculatedDocument, digestValue: String) -> String {
        let document = calculated.document
        let fields = [
            document.issuer.ruc, document.kind.code, document.series, String(document.number),
            DecimalText.fixed(calculated.totals.igv, scale: 2),
            DecimalText.fixed(calculated.totals.payableAmount, scale: 2),
            document.issueDate.iso,
            document.customer.documentType.code, document.customer.number.trimmingCharacters(in: .whitespaces),
            digestValue,
        ]
        return fields.joined(separator: "|") + "|"
    }
}
