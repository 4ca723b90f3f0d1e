import Core
import EInvoiceEngine
import EInvoicing
import Fluent
import Foundation
import Shared
import SQLKit

/// Issuing: take the series' next number, sign, store, announce, queue the sending; all in
/// one transaction. The number comes from `UPDATE invoice_series ... RETURNING`, which locks
/// the series row until the transaction ends: concurrent issuers of one series queue behind
/// it, and a document that fails to sign rolls its number back, so numbers are gap-free and
/// unique. The update is the transaction's first statement (see `PaymentLedger.apply`).
enum DocumentIssuer {
    struct Context {
        let profile: InvoicingProfile
        let environment: InvoicingEnvironment
        let signer: EInvoiceSigner
        let now: Date
        let customerPointer: String
    }

    /// Issues `record` (a saved draft, or a new row) from `draft` as `number`, which the caller
    /// took with `takeNumber` as its transaction's first statement; returns it signed.
    static func issue(
        _ record: InvoiceRecord, draft: DocumentDraft, series: String, number: Int, context: Context, on tx: any Database
    ) async throws -> InvoiceRecord {
        let signed: SignedInvoice
        do {
            signed = try context.signer.sign(draft.engineDocument(number: number, series: series, profile: context.profile), now: context.now)
        } catch {
            throw InputProblems([DraftChecks.problem(error, customerPointer: context.customerPointer)])
        }
        record.fill(from: draft, series: series)
        record.environment = context.environment
        record.number = number
        record.status = .signed
        record.xml = signed.xml
        record.hash = signed.digestValue
        record.fileName = signed.fileName
        record.documentJSON = String(decoding: try JSONEncoder.jobs.encode(signed.calculated.document), as: UTF8.self)
        record.setTotals(signed.calculated.totals)
        record.issuedAt = context.now
        record.updatedAt = context.now
        record.refreshSearchText()
        try await record.save(on: tx)
        try await InvoiceEvents.emit(.issued, record, at: context.now, on: tx)
        try await SUNATDispatch.enqueue(record, now: context.now, on: tx)
        return record
    }

    /// The next number of `series`, taken (and locked until commit).
    static func takeNumber(
        tenantID: UUID, environment: InvoicingEnvironment, kind: DocumentKind, series: String, on db: any Database
    ) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw InvoicingFailure.missing("invoicing needs an SQL database") }
        let row = try await sql.raw("""
            UPDATE \(ident: InvoiceSeries.schema) SET next_number = next_number + 1
            WHERE tenant_id = \(bind: tenantID) AND environment = \(bind: environment.rawValue)
              AND series = \(bind: series) AND document_type = \(bind: kind.rawValue)
            RETURNING next_number
            """).first()
        guard let next = try row?.decode(column: "next_number", as: Int.self) else {
            throw InputProblems([InputProblem(pointer: "/series", rule: "unknown_series",
                                              message: "la serie \(series) no existe para este tipo de comprobante",
                                              messageEn: "series \(series) does not exist for this document type")])
        }
        return next - 1
    }
}

extension InvoiceRecord {
    func setTotals(_ totals: DocumentTotals) {
        let cents = { (value: Decimal) in Money.rounded(value, currency: .pen).cents }
        taxableCents = cents(totals.taxedAmount)
        exemptCents = cents(totals.exoneratedAmount)
        unaffectedCents = cents(totals.unaffectedAmount)
        igvCents = cents(totals.igv)
        totalCents = cents(totals.payableAmount)
    }
}
