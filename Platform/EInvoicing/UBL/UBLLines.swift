import Foundation
import Shared

/// The per-kind names and child order of a document line. The three UBL
/// schemas disagree on where a line's AllowanceCharge goes: before TaxTotal
/// in InvoiceLine, after it in CreditNoteLine and DebitNoteLine.
struct LineShape {
    let element: String
    let quantity: String
    let discountBeforeTax: Bool

    static func of(_ kind: DocumentKind) -> LineShape {
        switch kind {
        case .factura, .boleta: LineShape(element: "cac:InvoiceLine", quantity: "cbc:InvoicedQuantity", discountBeforeTax: true)
        case .notaCredito: LineShape(element: "cac:CreditNoteLine", quantity: "cbc:CreditedQuantity", discountBeforeTax: false)
        case .notaDebito: LineShape(element: "cac:DebitNoteLine", quantity: "cbc:DebitedQuantity", discountBeforeTax: false)
        }
    }
}

extension XMLWriter {
    mutating func documentLine(_ line: ComputedLine, shape: LineShape, currency: Currency) {
        element(shape.element) { w in
            w.leaf("cbc:ID", "\(line.position)")
            w.leaf(shape.quantity, DecimalText.trimmed(line.line.quantity, maxScale: 10),
                   [("unitCode", line.line.unitCode)] + UBL.unitCode)
            w.amount("cbc:LineExtensionAmount", line.lineValue, currency)
            w.element("cac:PricingReference") { w in
                w.element("cac:AlternativeConditionPrice") { w in
                    w.unitAmount("cbc:PriceAmount", line.referencePrice, currency)
                    w.leaf("cbc:PriceTypeCode", line.referencePriceType, UBL.catalogue("16", name: "Tipo de Precio"))
                }
            }
            if shape.discountBeforeTax { w.lineDiscount(line, currency) }
            w.lineTaxTotal(line, currency)
            if !shape.discountBeforeTax { w.lineDiscount(line, currency) }
            w.element("cac:Item") { w in
                w.leaf("cbc:Description", line.line.description.trimmedText)
                if let code = line.line.productCode, !code.trimmedText.isEmpty {
                    w.element("cac:SellersItemIdentification") { w in w.leaf("cbc:ID", code.trimmedText) }
                }
            }
            w.element("cac:Price") { w in w.unitAmount("cbc:PriceAmount", line.priceAmount, currency) }
        }
    }
}
