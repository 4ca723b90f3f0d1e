import Foundation
import Shared

/// Rules for resúmenes diarios and comunicaciones de baja.
enum SummaryValidator {
    static let maxSummaryLines = 500
    static let maxSequence = 99_999

    static func validate(_ summary: DailySummary) throws(EInvoiceError) {
        try header(summary.issuer, referenceDate: summary.referenceDate, issueDate: summary.issueDate,
                   sequence: summary.sequence, lineCount: summary.lines.count)
        guard summary.lines.count <= maxSummaryLines else {
            throw .tooManyLines(field: "lines", rule: "0158", limit: maxSummaryLines)
        }
        for (index, line) in summary.lines.enumerated() {
            try validate(line, field: "lines[\(index)]")
        }
    }

    static func validate(_ voided: VoidedDocuments) throws(EInvoiceError) {
        try header(voided.issuer, referenceDate: voided.referenceDate, issueDate: voided.issueDate,
                   sequence: voided.sequence, lineCount: voided.lines.count)
        for (index, line) in voided.lines.enumerated() {
            let field = "lines[\(index)]"
            guard line.kind != .boleta else { throw .documentKindNotAllowed(field: "\(field).kind", rule: "2308", kind: line.kind) }
            guard NumberingRules.isElectronicSeries(line.series, letters: ["F"]) else {
                throw .seriesDoesNotMatchDocumentType(field: "\(field).series", rule: "2308", series: line.series, kind: line.kind)
            }
            try number(line.number, field: "\(field).number")
            try TextRules.required(line.reason, field: "\(field).reason", rule: "2319", max: 100)
        }
    }

    private static func header(
        _ issuer: Issuer, referenceDate: LimaDate, issueDate: LimaDate, sequence: Int, lineCount: Int
    ) throws(EInvoiceError) {
        try PartyValidator.validateIssuer(issuer)
        guard referenceDate <= issueDate else {
            throw .referenceDateAfterIssueDate(field: "referenceDate", rule: "2671")
        }
        guard (1...maxSequence).contains(sequence) else { throw .invalidNumber(field: "sequence", rule: "2220") }
        guard lineCount > 0 else { throw .emptyLines(field: "lines", rule: "XSD") }
    }

    /// Only boletas and notes of boletas (B series) go in a resumen (2241, 2513).
    private static func validate(_ line: DailySummaryLine, field: String) throws(EInvoiceError) {
        guard line.kind != .factura else { throw .documentKindNotAllowed(field: "\(field).kind", rule: "2241", kind: line.kind) }
        guard NumberingRules.isElectronicSeries(line.series, letters: ["B"]) else {
            throw .seriesDoesNotMatchDocumentType(field: "\(field).series", rule: "2513", series: line.series, kind: line.kind)
        }
        try number(line.number, field: "\(field).number")
        if line.kind.isNote {
            guard let reference = line.reference else { throw .missingReference(field: "\(field).reference", rule: "2524") }
            guard reference.kind == .boleta, NumberingRules.isValidReferenceSeries(reference.series, kind: .boleta) else {
                throw .referenceTypeMismatch(field: "\(field).reference", rule: "2920")
            }
        }
        if let customer = line.customer, customer.number.trimmedText.isEmpty {
            throw .invalidCustomerDocument(field: "\(field).customer.number", rule: "2014")
        }
        try amounts(line.amounts, field: "\(field).amounts")
    }

    private static func amounts(_ amounts: SummaryAmounts, field: String) throws(EInvoiceError) {
        let values: [(Decimal, String)] = [
            (amounts.total, "total"), (amounts.taxed, "taxed"), (amounts.exonerated, "exonerated"),
            (amounts.unaffected, "unaffected"), (amounts.export, "export"), (amounts.free, "free"),
            (amounts.otherCharges, "otherCharges"), (amounts.igv, "igv"),
        ]
        for (value, name) in values {
            guard value >= 0 else { throw .negativeAmount(field: "\(field).\(name)", rule: "2254") }
            try AmountRules.amount(value, field: "\(field).\(name)", rule: "2254")
        }
    }

    private static func number(_ value: Int, field: String) throws(EInvoiceError) {
        guard (1...NumberingRules.maxNumber).contains(value) else { throw .invalidNumber(field: field, rule: "2513") }
    }
}
