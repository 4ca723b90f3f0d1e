import Core
import EInvoicing
import Fluent
import Foundation
import SQLKit
import SUNATClient
import Vapor

/// Sending issued documents to SUNAT, as a job so a slow or down SUNAT never holds a request.
/// In the sandbox nothing leaves the server: the job accepts the document with a CDR made
/// here. Otherwise `sendBill` answers with SUNAT's CDR, and the state comes from it.
enum SUNATDispatch {
    struct Payload: Codable, Sendable { let documentID: UUID }
    static let kind = JobKind<Payload>("invoicing.send")

    static func enqueue(_ record: InvoiceRecord, now: Date, on db: any Database) async throws {
        _ = try await JobQueue.enqueue(kind, Payload(documentID: try record.requireID()), tenantID: record.tenantID, runAt: now, on: db)
    }

    static var handler: JobHandler {
        // SUNAT outages last minutes to hours: retry for about a day before a person looks.
        JobHandler(kind, retry: .schedule([30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600]), timeout: 90) { payload, context in
            guard let record = try await InvoiceRecord.find(payload.documentID, on: context.db) else {
                throw PermanentJobError("document \(payload.documentID) is gone")
            }
            guard record.status == .signed || record.status == .sent else { return }
            let verdict = try await verdict(for: record, context: context)
            try await context.commit { tx in
                try await store(verdict, on: record, now: context.now, on: tx)
            }
        }
    }

    /// What SUNAT (or the sandbox) says of the document.
    struct Verdict {
        let status: InvoiceStatus
        let code: String?
        let description: String
        let notes: [String]
        let cdr: Data?
    }

    static func verdict(for record: InvoiceRecord, context: JobContext) async throws -> Verdict {
        guard let xml = record.xml, let fileName = record.fileName, let number = record.number else {
            throw PermanentJobError("document \(record.id?.uuidString ?? "") has no signed XML")
        }
        if record.environment == .sandbox {
            let cdr = LocalCDR.accepted(fileName: fileName, documentID: "\(record.series)-\(number)", kind: record.kind, at: context.now)
            return Verdict(status: .accepted, code: "0", description: LocalCDR.description(record.kind, id: "\(record.series)-\(number)"),
                           notes: [], cdr: cdr)
        }
        let client = try await InvoicingSUNAT.client(for: record, app: context.application)
        // A retry may follow a send whose answer was lost: ask first, so nothing is sent twice.
        var outcome: SendOutcome? = nil
        if context.attempt > 1 {
            let known = await client.getStatusCdr(ruc: String(fileName.prefix(11)), type: record.documentType, series: record.series, number: number)
            if known.cdr != nil { outcome = known }
        }
        let zip = try DocumentPackage.zip(name: fileName, signedXML: xml)
        let answer: SendOutcome
        if let outcome {
            answer = outcome
        } else {
            // "sent" from here on: SUNAT may register it even if its answer never arrives.
            try await markSent(record, now: context.now, on: context.db)
            answer = await client.sendBill(fileName: fileName, zip: zip)
        }
        switch answer {
        case .accepted(let cdr):
            return Verdict(status: .accepted, code: String(cdr.responseCode), description: cdr.description, notes: cdr.notes, cdr: cdr.xml)
        case .acceptedWithObservations(let cdr):
            return Verdict(status: .observed, code: String(cdr.responseCode), description: cdr.description, notes: cdr.notes, cdr: cdr.xml)
        case .rejected(let code, let message, let cdr):
            return Verdict(status: .rejected, code: String(code), description: message, notes: cdr?.notes ?? [], cdr: cdr?.xml)
        case .exception(let code, let message):
            // 0100-1999: SUNAT could not process it now; the job retries with backoff.
            throw SendError(code: code, message: message)
        }
    }

    static func markSent(_ record: InvoiceRecord, now: Date, on db: any Database) async throws {
        try await InvoiceRecord.query(on: db).filter(\.$id == record.requireID()).filter(\.$status == .signed)
            .set(\.$status, to: .sent).set(\.$updatedAt, to: now).update()
    }

    struct SendError: Error, CustomStringConvertible {
        let code: Int?
        let message: String
        var description: String { "SUNAT \(code.map(String.init) ?? "-"): \(message)" }
    }

    /// Stores the verdict if the document still waits for one, and announces it.
    static func store(_ verdict: Verdict, on record: InvoiceRecord, now: Date, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        let changed = try await sql.raw("""
            UPDATE \(ident: InvoiceRecord.schema) SET status = \(bind: verdict.status.rawValue), sunat_code = \(bind: verdict.code),
                sunat_description = \(bind: verdict.description), sunat_notes = \(bind: verdict.notes.joined(separator: "\n")),
                cdr = \(bind: verdict.cdr), updated_at = \(bind: now)
            WHERE id = \(bind: try record.requireID()) AND status IN ('signed', 'sent')
            RETURNING id
            """).all()
        guard !changed.isEmpty else { return }
        record.status = verdict.status
        record.sunatCode = verdict.code
        record.sunatDescription = verdict.description
        record.cdr = verdict.cdr
        try await InvoiceEvents.emit(verdict.status == .rejected ? .rejected : .accepted, record, at: now, on: tx)
    }
}

/// SUNAT's addresses per environment (overridable, for SUNAT's own moves and for tests) and
/// the client for a document's business.
public struct InvoicingSUNAT: Sendable {
    public var beta: SUNATEndpoints
    public var production: SUNATEndpoints

    public init(beta: SUNATEndpoints = .beta, production: SUNATEndpoints = .production) {
        self.beta = beta
        self.production = production
    }

    /// `SUNAT_BETA_URL` / `SUNAT_BETA_CONSULT_URL`, `SUNAT_PRODUCTION_URL` / `SUNAT_PRODUCTION_CONSULT_URL`.
    public static func fromEnvironment(_ env: [String: String]) -> InvoicingSUNAT {
        InvoicingSUNAT(
            beta: SUNATEndpoints(bill: env["SUNAT_BETA_URL"] ?? SUNATEndpoints.beta.bill,
                                 consult: env["SUNAT_BETA_CONSULT_URL"] ?? SUNATEndpoints.beta.consult),
            production: SUNATEndpoints(bill: env["SUNAT_PRODUCTION_URL"] ?? SUNATEndpoints.production.bill,
                                       consult: env["SUNAT_PRODUCTION_CONSULT_URL"] ?? SUNATEndpoints.production.consult))
    }

    static func client(for record: InvoiceRecord, app: Application) async throws -> SUNATClient {
        guard let profile = try await InvoicingProfile.query(on: app.db).filter(\.$tenantID == record.tenantID).first() else {
            throw PermanentJobError("the business has no invoicing profile")
        }
        let sol: SOLCredentials
        do { sol = try ProfileCredentials(secretKey: app.config.secretKey).sol(of: profile) } catch {
            throw PermanentJobError("\(error)")
        }
        let endpoints = record.environment == .production ? app.invoicingSUNAT.production : app.invoicingSUNAT.beta
        return SUNATClient(endpoints: endpoints, credentials: sol, httpClient: app.http.client.shared, timeout: 60)
    }
}

extension Application {
    private struct SUNATKey: StorageKey { typealias Value = InvoicingSUNAT }

    public var invoicingSUNAT: InvoicingSUNAT {
        get { storage[SUNATKey.self] ?? InvoicingSUNAT() }
        set { storage[SUNATKey.self] = newValue }
    }
}
