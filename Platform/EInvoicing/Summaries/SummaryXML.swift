import Foundation
import Shared

/// SUNAT's UBL 2.0 summary documents, children in XSD sequence order.
enum SummaryXML {
    static func dailySummary(_ summary: DailySummary) -> XMLWriter {
        var w = XMLWriter()
        let root = UBL.rootAttributes(
            defaultNamespace: "urn:sunat:names:specification:ubl:peru:schema:xsd:SummaryDocuments-1", sac: true)
        w.element("SummaryDocuments", root) { w in
            w.summaryHeader(id: summary.id, customization: "1.1", referenceDate: summary.referenceDate,
                            issueDate: summary.issueDate, issuer: summary.issuer)
            for (index, line) in summary.lines.enumerated() {
                w.summaryLine(line, position: index + 1)
            }
        }
        return w
    }

    static func voided(_ voided: VoidedDocuments) -> XMLWriter {
        var w = XMLWriter()
        let root = UBL.rootAttributes(
            defaultNamespace: "urn:sunat:names:specification:ubl:peru:schema:xsd:VoidedDocuments-1", sac: true)
        w.element("VoidedDocuments", root) { w in
            w.summaryHeader(id: voided.id, customization: "1.0", referenceDate: voided.referenceDate,
                            issueDate: voided.issueDate, issuer: voided.issuer)
            for (index, line) in voided.lines.enumerated() {
                w.element("sac:VoidedDocumentsLine") { w in
                    w.leaf("cbc:LineID", "\(index + 1)")
                    w.leaf("cbc:DocumentTypeCode", line.kind.code)
                    w.leaf("sac:DocumentSerialID", line.series)
                    w.leaf("sac:DocumentNumberID", "\(line.number)")
                    w.leaf("sac:VoidReasonDescription", line.reason.trimmedText)
                }
            }
        }
        return w
    }
}

extension XMLWriter {
    fileprivate mutating func summaryHeader(
        id: String, customization: String, referenceDate: LimaDate, issueDate: LimaDate, issuer: Issuer
    ) {
        signatureSlot()
        leaf("cbc:UBLVersionID", "2.0")
        leaf("cbc:CustomizationID", customization)
        leaf("cbc:ID", id)
        leaf("cbc:ReferenceDate", referenceDate.iso)
        leaf("cbc:IssueDate", issueDate.iso)
        signatureReference(issuer)
        element("cac:AccountingSupplierParty") { w in
            w.leaf("cbc:CustomerAssignedAccountID", issuer.ruc)
            w.leaf("cbc:AdditionalAccountID", IdentityDocumentType.ruc.code)
            w.element("cac:Party") { w in
                w.element("cac:PartyLegalEntity") { w in w.leaf("cbc:RegistrationName", issuer.legalName.trimmedText) }
            }
        }
    }

    fileprivate mutating func summaryLine(_ line: DailySummaryLine, position: Int) {
        element("sac:SummaryDocumentsLine") { w in
            w.leaf("cbc:LineID", "\(position)")
            w.leaf("cbc:DocumentTypeCode", line.kind.code)
            w.leaf("cbc:ID", line.id)
            if let customer = line.customer {
                w.element("cac:AccountingCustomerParty") { w in
                    w.leaf("cbc:CustomerAssignedAccountID", customer.number.trimmedText)
                    w.leaf("cbc:AdditionalAccountID", customer.documentType.code)
                }
            }
            if let reference = line.reference, line.kind.isNote {
                w.element("cac:BillingReference") { w in
                    w.element("cac:InvoiceDocumentReference") { w in
                        w.leaf("cbc:ID", reference.id)
                        w.leaf("cbc:DocumentTypeCode", reference.kind.code)
                    }
                }
            }
            w.element("cac:Status") { w in w.leaf("cbc:ConditionCode", line.status.rawValue) }
            w.amount("sac:TotalAmount", line.amounts.total, line.currency)
            w.summaryPayments(line)
            if line.amounts.otherCharges > 0 {
                w.element("cac:AllowanceCharge") { w in
                    w.leaf("cbc:ChargeIndicator", "true")
                    w.amount("cbc:Amount", line.amounts.otherCharges, line.currency)
                }
            }
            w.summaryIGV(line)
        }
    }

    /// Totals by affectation (catalogue 11): 01 gravado, 02 exonerado,
    /// 03 inafecto, 04 exportación, 05 gratuitas; zeros are left out, but a
    /// line always reports at least its gravado amount.
    private mutating func summaryPayments(_ line: DailySummaryLine) {
        let amounts = line.amounts
        let payments: [(Decimal, String)] = [
            (amounts.taxed, "01"), (amounts.exonerated, "02"), (amounts.unaffected, "03"),
            (amounts.export, "04"), (amounts.free, "05"),
        ]
        let nonZero = payments.filter { $0.0 != 0 }
        for (amount, code) in nonZero.isEmpty ? [(Decimal(0), "01")] : nonZero {
            element("sac:BillingPayment") { w in
                w.amount("cbc:PaidAmount", amount, line.currency)
                w.leaf("cbc:InstructionID", code)
            }
        }
    }

    /// Every line reports IGV, even when zero (rule 2278).
    private mutating func summaryIGV(_ line: DailySummaryLine) {
        element("cac:TaxTotal") { w in
            w.amount("cbc:TaxAmount", line.amounts.igv, line.currency)
            w.element("cac:TaxSubtotal") { w in
                w.amount("cbc:TaxAmount", line.amounts.igv, line.currency)
                w.element("cac:TaxCategory") { w in
                    w.element("cac:TaxScheme") { w in
                        w.leaf("cbc:ID", TaxScheme.igv.code)
                        w.leaf("cbc:Name", TaxScheme.igv.name)
                        w.leaf("cbc:TaxTypeCode", TaxScheme.igv.typeCode)
                    }
                }
            }
        }
    }
}
