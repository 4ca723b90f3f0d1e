import EInvoicing
import EInvoicingPDF
import Foundation
import Shared

extension PrintableDocument {
    /// The printed representation of a signed document: every amount comes from the same
    /// calculation that wrote the XML, and the QR carries the signature's digest.
    ///
    /// Items show the price with IGV and the amount charged; free items show their reference
    /// value and 0.00. `consultSite` is where the footer sends the customer to check the
    /// document (SUNAT's own consultation page unless the business has one).
    public init(_ signed: SignedInvoice, logoPNG: Data? = nil, consultSite: String? = nil) {
        let calculated = signed.calculated
        let document = calculated.document
        let money = { (amount: Decimal) in Money.rounded(amount, currency: document.currency).formatted }
        let customer = document.customer
        self.init(
            title: PrintedText.title(document.kind),
            number: document.id,
            issuer: Party(name: document.issuer.legalName, documentLabel: "RUC", documentNumber: document.issuer.ruc,
                          address: Self.address(of: document.issuer.address)),
            tradeName: document.issuer.tradeName,
            customer: customer.documentType.isAnonymous ? nil : Party(
                name: customer.name, documentLabel: PrintedText.documentLabel(customer.documentType),
                documentNumber: customer.number, address: customer.address?.line),
            issueDate: document.issueDate.formatted,
            dueDate: Self.dueDate(calculated.paymentTerms),
            currency: PrintedText.currency(document.currency),
            paymentTerms: Self.paymentTerms(calculated.paymentTerms),
            lines: calculated.lines.map { Self.line($0, money: money) },
            totals: Self.totals(calculated.totals, money: money),
            amountInWords: calculated.legends.first { $0.code == "1000" }?.text ?? "",
            notes: Self.notes(calculated, money: money),
            qrPayload: SUNATQRCode.payload(calculated, digestValue: signed.digestValue),
            hash: signed.digestValue,
            footer: PrintedText.footer(document.kind, site: consultSite ?? PrintedText.defaultFooterSite),
            logoPNG: logoPNG
        )
    }

    private static func address(of address: IssuerAddress) -> String? {
        let parts = [address.line, address.urbanization, address.district, address.province, address.department]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private static func line(_ line: ComputedLine, money: (Decimal) -> String) -> Line {
        let free = line.affectation.isFree
        return Line(
            quantity: DecimalText.trimmed(line.line.quantity, maxScale: 10),
            unit: line.line.unitCode,
            description: free ? "\(line.line.description) (transferencia gratuita)" : line.line.description,
            unitPrice: money(line.referencePrice),
            total: money(free ? 0 : line.lineValue + line.chargedIGV)
        )
    }

    /// Only the amounts this document has, in the order they apply: discounts and charges on
    /// the taxed base, the bases per scheme, IGV (always), discounts and charges on the total,
    /// and the amount payable (always, last).
    private static func totals(_ totals: DocumentTotals, money: (Decimal) -> String) -> [Total] {
        func adjustments(affectingBase: Bool) -> [Total] {
            totals.adjustments.filter { $0.adjustment.code.affectsBase == affectingBase }.map { computed in
                let name = computed.adjustment.code.isCharge ? "Cargo global" : "Descuento global"
                let sign: Decimal = computed.adjustment.code.isCharge ? 1 : -1
                return Total(name, money(sign * computed.adjustment.amount))
            }
        }
        let bases: [(String, Decimal)] = [
            ("Op. gravadas", totals.taxedAmount), ("Op. exoneradas", totals.exoneratedAmount),
            ("Op. inafectas", totals.unaffectedAmount), ("Op. exportación", totals.exportAmount),
            ("Op. gratuitas", totals.freeAmount),
        ]
        var rows = adjustments(affectingBase: true)
        rows += bases.filter { $0.1 != 0 }.map { Total($0.0, money($0.1)) }
        rows.append(Total("IGV \(DecimalText.trimmed(IGV.rate * 100, maxScale: 2))%", money(totals.igv)))
        rows += adjustments(affectingBase: false)
        rows.append(Total("Importe total", money(totals.payableAmount)))
        return rows
    }

    private static func paymentTerms(_ terms: PaymentTerms?) -> String? {
        switch terms {
        case nil: nil
        case .contado: "Contado"
        case .credito(let cuotas): cuotas.count == 1 ? "Crédito (1 cuota)" : "Crédito (\(cuotas.count) cuotas)"
        }
    }

    /// SUNAT requires a credit sale's printout to show the net amount pending and each
    /// instalment with its due date.
    private static func creditNote(_ calculated: CalculatedDocument, money: (Decimal) -> String) -> String? {
        guard case .credito(let cuotas) = calculated.paymentTerms, let pending = calculated.creditAmount else { return nil }
        let list = cuotas.enumerated().map { index, cuota in
            "Cuota \(index + 1): \(money(cuota.amount)) vence el \(cuota.dueDate.formatted)"
        }
        return "Monto neto pendiente de pago: \(money(pending)). " + list.joined(separator: "; ") + "."
    }

    private static func dueDate(_ terms: PaymentTerms?) -> String? {
        guard case .credito(let cuotas) = terms else { return nil }
        return cuotas.map(\.dueDate).max()?.formatted
    }

    /// Legends other than the amount in words, the instalments of a credit sale, and what a
    /// note modifies and why.
    private static func notes(_ calculated: CalculatedDocument, money: (Decimal) -> String) -> [String] {
        var notes = calculated.legends.filter { $0.code != "1000" }.map(\.text)
        if let credit = creditNote(calculated, money: money) { notes.append(credit) }
        let document = calculated.document
        if let note = document.note, let reference = note.reference {
            var text = "Documento que modifica: \(PrintedText.title(reference.kind)) \(reference.id)."
            if let motive = note.motive { text += " Motivo: \(PrintedText.motive(motive, kind: document.kind))." }
            if let description = note.description, !description.isEmpty { text += " \(description)" }
            notes.append(text)
        }
        return notes
    }
}
