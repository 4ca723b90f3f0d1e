import Foundation
import Shared

extension XMLWriter {
    /// The document `cac:TaxTotal`: TaxAmount counts only taxes the buyer pays
    /// (rule 3294), with one subtotal per scheme the lines use (2638, 3068).
    mutating func documentTaxTotal(_ totals: DocumentTotals) {
        element("cac:TaxTotal") { w in
            w.amount("cbc:TaxAmount", totals.taxAmount, totals.currency)
            for subtotal in totals.subtotals {
                w.element("cac:TaxSubtotal") { w in
                    w.amount("cbc:TaxableAmount", subtotal.taxableAmount, totals.currency)
                    w.amount("cbc:TaxAmount", subtotal.taxAmount, totals.currency)
                    w.element("cac:TaxCategory") { w in w.taxScheme(subtotal.scheme) }
                }
            }
        }
    }

    /// A line's `cac:TaxTotal`: one subtotal with the percent and the
    /// affectation code. Free gravado lines show their IGV (rule 3111).
    mutating func lineTaxTotal(_ line: ComputedLine, _ currency: Currency) {
        element("cac:TaxTotal") { w in
            w.amount("cbc:TaxAmount", line.igv, currency)
            w.element("cac:TaxSubtotal") { w in
                w.amount("cbc:TaxableAmount", line.taxableAmount, currency)
                w.amount("cbc:TaxAmount", line.igv, currency)
                w.element("cac:TaxCategory") { w in
                    w.leaf("cbc:Percent", DecimalText.fixed(line.percent, scale: 2))
                    w.leaf("cbc:TaxExemptionReasonCode", line.affectation.code,
                           UBL.catalogue("07", name: "Afectacion del IGV"))
                    w.taxScheme(line.scheme)
                }
            }
        }
    }

    private mutating func taxScheme(_ scheme: TaxScheme) {
        element("cac:TaxScheme") { w in
            w.leaf("cbc:ID", scheme.code, UBL.taxSchemeID)
            w.leaf("cbc:Name", scheme.name)
            w.leaf("cbc:TaxTypeCode", scheme.typeCode)
        }
    }
}
