import Core
import EInvoiceEngine
import EInvoicing
import Fluent
import Foundation
import Shared
import SQLKit
import SUNATClient
import Vapor

/// Voiding an accepted document: a comunicación de baja (RA) for facturas and their notes, a
/// resumen diario line with status 3 (RC) for boletas and theirs, as SUNAT requires. Both are
/// answered with a ticket; the job polls it and retries while SUNAT is still processing. In the
/// sandbox the void is accepted at once.
enum VoidDispatch {
    struct Payload: Codable, Sendable { let documentID: UUID }
    static let kind = JobKind<Payload>("invoicing.void")

    /// Marks the void as requested and queues it; 409 when the document cannot be voided.
    static func request(_ record: InvoiceRecord, reason: String, now: Date, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        let id = try record.requireID()
        let changed = try await sql.raw("""
            UPDATE \(ident: InvoiceRecord.schema) SET void_reason = \(bind: reason), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status IN ('accepted', 'observed') AND void_reason IS NULL
            RETURNING id
            """).all()
        guard !changed.isEmpty else {
            throw APIError(.conflict, code: "invalid_state", message: voidRefusal(record))
        }
        record.voidReason = reason
        _ = try await JobQueue.enqueue(kind, Payload(documentID: id), tenantID: record.tenantID, runAt: now, on: tx)
    }

    static func voidRefusal(_ record: InvoiceRecord) -> String {
        switch record.status {
        case .voided: "El comprobante ya está anulado."
        case .rejected: "Un comprobante rechazado por SUNAT no existe para ella: no se anula."
        case .draft: "Un borrador no se anula: se borra."
        case .signed, .sent: "El comprobante aún espera la respuesta de SUNAT; anúlelo cuando esté aceptado."
        case .accepted, .observed: "La anulación de este comprobante ya está en curso."
        }
    }

    static var handler: JobHandler {
        JobHandler(kind, retry: .schedule([20, 60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600]), timeout: 90) { payload, context in
            guard let record = try await InvoiceRecord.find(payload.documentID, on: context.db) else {
                throw PermanentJobError("document \(payload.documentID) is gone")
            }
            guard record.status.isAccepted, record.voidReason != nil else { return }
            if record.environment != .sandbox {
                try await voidAtSUNAT(record, context: context)
            }
            try await context.commit { tx in
                try await markVoided(record, now: context.now, on: tx)
            }
        }
    }

    /// Sends the RA/RC once (keeping its ticket) and waits for SUNAT's verdict; throws to retry
    /// while SUNAT is processing. A refusal clears the request so the owner can see why.
    static func voidAtSUNAT(_ record: InvoiceRecord, context: JobContext) async throws {
        let client = try await InvoicingSUNAT.client(for: record, app: context.application)
        if record.voidTicket == nil {
            let signed = try await signSummary(for: record, context: context)
            switch await client.sendSummary(fileName: signed.fileName, zip: try DocumentPackage.zip(name: signed.fileName, signedXML: signed.xml)) {
            case .success(let ticket):
                record.voidID = signed.id
                record.voidTicket = ticket
                try await record.save(on: context.db)
            case .failure(.rejected(let code, let message)):
                try await refuse(record, "\(code): \(message)", context: context)
                return
            case .failure(.exception(let code, let message)):
                throw SUNATDispatch.SendError(code: code, message: message)
            }
        }
        switch await client.waitForTicket(record.voidTicket ?? "", maxAttempts: 4) {
        case .done(let outcome) where outcome.isAccepted:
            return
        case .done(let outcome):
            try await refuse(record, "\(outcome.code.map(String.init) ?? "-"): \(outcome.cdr?.description ?? "\(outcome)")", context: context)
            throw PermanentJobError("SUNAT refused the void of \(record.fullNumber ?? "")")
        case .processing:
            throw SUNATDispatch.SendError(code: 98, message: "SUNAT is still processing ticket \(record.voidTicket ?? "")")
        case .unknown(let code, let message):
            throw SUNATDispatch.SendError(code: code, message: message)
        }
    }

    private static func refuse(_ record: InvoiceRecord, _ why: String, context: JobContext) async throws {
        record.voidReason = nil
        record.voidTicket = nil
        record.voidID = nil
        record.sunatNotes = [record.sunatNotes, "Anulación rechazada: \(why)"].compactMap { $0 }.joined(separator: "\n")
        try await record.save(on: context.db)
    }

    static func signSummary(for record: InvoiceRecord, context: JobContext) async throws -> SignedSummary {
        guard let profile = try await InvoicingProfile.query(on: context.db).filter(\.$tenantID == record.tenantID).first(),
              let json = record.documentJSON, let number = record.number else {
            throw PermanentJobError("document or profile missing")
        }
        let document = try JSONDecoder.jobs.decode(EInvoiceDocument.self, from: Data(json.utf8))
        let today = LimaDate(context.now)
        let boleta = record.series.hasPrefix("B")
        let prefix = boleta ? "RC" : "RA"
        let sequence = try await context.db.transaction { tx in
            try await DailyNumbering.take(tenantID: record.tenantID, environment: record.environment,
                                          series: "\(prefix)-\(today.iso.replacingOccurrences(of: "-", with: ""))", on: tx)
        }
        let signer = EInvoiceSigner(certificate: try ProfileCredentials(secretKey: context.application.config.secretKey).certificate(of: profile))
        if boleta {
            let calculated = try EInvoiceCalculator.calculate(document)
            let summary = DailySummary(issuer: profile.issuer, referenceDate: document.issueDate, issueDate: today, sequence: sequence,
                                       lines: [DailySummaryLine(calculated, status: .void)])
            return try signer.sign(summary, now: context.now)
        }
        let voided = VoidedDocuments(issuer: profile.issuer, referenceDate: document.issueDate, issueDate: today, sequence: sequence,
                                     lines: [VoidedLine(kind: record.kind, series: record.series, number: number,
                                                        reason: record.voidReason ?? "ANULACION")])
        return try signer.sign(voided, now: context.now)
    }

    static func markVoided(_ record: InvoiceRecord, now: Date, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        let changed = try await sql.raw("""
            UPDATE \(ident: InvoiceRecord.schema) SET status = 'voided', updated_at = \(bind: now)
            WHERE id = \(bind: try record.requireID()) AND status IN ('accepted', 'observed')
            RETURNING id
            """).all()
        guard !changed.isEmpty else { return }
        record.status = .voided
        try await InvoiceEvents.emit(.voided, record, at: now, on: tx)
    }
}

/// Correlatives that restart every day (RA-20261121-1, RC-20261121-1): the day's row is made
/// on first use, then numbered like any series.
enum DailyNumbering {
    static func take(tenantID: UUID, environment: InvoicingEnvironment, series: String, on tx: any Database) async throws -> Int {
        guard let sql = tx as? any SQLDatabase else { throw InvoicingFailure.missing("invoicing needs SQL") }
        let type = String(series.prefix(2))
        try await sql.raw("""
            INSERT INTO \(ident: InvoiceSeries.schema) (id, tenant_id, environment, document_type, series, next_number, position)
            VALUES (\(bind: UUID()), \(bind: tenantID), \(bind: environment.rawValue), \(bind: type), \(bind: series), 1, 999)
            ON CONFLICT (tenant_id, environment, series) DO NOTHING
            """).run()
        let row = try await sql.raw("""
            UPDATE \(ident: InvoiceSeries.schema) SET next_number = next_number + 1
            WHERE tenant_id = \(bind: tenantID) AND environment = \(bind: environment.rawValue) AND series = \(bind: series)
            RETURNING next_number
            """).first()
        return try (row?.decode(column: "next_number", as: Int.self) ?? 2) - 1
    }
}
