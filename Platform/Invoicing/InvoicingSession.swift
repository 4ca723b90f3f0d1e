import Core
import EInvoiceEngine
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// Who is invoicing in a request and where to: the business's profile, and the environment
/// (a sandbox API key always gets the sandbox, whatever the profile says).
struct InvoicingSession: Sendable {
    let tenant: Tenant
    let scope: TenantScope
    let profile: InvoicingProfile
    let environment: InvoicingEnvironment
    let app: Application
    let source: String
    /// The member issuing from the web app, for the sales report's "by staff"; nil for the API.
    var userID: UUID? = nil

    static func of(_ req: Request) async throws -> InvoicingSession {
        let context = try req.tenantContext
        let profile = try await InvoicingProfiles.ensure(context.tenant, app: req.application, on: req.db)
        var environment = profile.environment
        var source = "web"
        if case .apiKey(let key) = context.principal {
            source = "api"
            if key.sandbox { environment = .sandbox }
        }
        var session = InvoicingSession(tenant: context.tenant, scope: context.scope, profile: profile, environment: environment,
                                       app: req.application, source: source)
        if case .member(let user, _) = context.principal { session.userID = user.id }
        return session
    }

    var now: Date { app.clock.now() }

    func signer() throws -> EInvoiceSigner {
        EInvoiceSigner(certificate: try ProfileCredentials(secretKey: app.config.secretKey).certificate(of: profile))
    }

    /// The series a document of `kind` uses when none is named: the first of its type (for notes,
    /// the first whose letter matches the corrected document's).
    func defaultSeries(_ kind: DocumentKind, reference: InvoiceRecord?, on db: any Database) async throws -> String? {
        let all = try await InvoicingProfiles.series(of: kind, tenantID: scope.tenantID, environment: environment, on: db)
        if let letter = reference?.series.first {
            return all.first { $0.series.first == letter }?.series
        }
        return all.first?.series
    }

    /// What the credit notes of `reference` already took from it (rejected ones do not count).
    func creditedBefore(_ reference: InvoiceRecord?, on db: any Database) async throws -> Decimal {
        guard let reference, let id = reference.id else { return 0 }
        let notes = try await scope.query(InvoiceRecord.self).filter(\.$referenceID == id)
            .filter(\.$documentType == DocumentKind.notaCredito.rawValue)
            .filter(\.$status ~~ InvoiceStatus.issued).all()
        return notes.reduce(Decimal(0)) { $0 + Decimal($1.totalCents) / 100 }
    }

    /// The plan's documents per month (sandbox documents are free), checked after the number is
    /// taken so that concurrent issuers of one series count one after the other.
    func checkMonthlyLimit(on db: any Database) async throws {
        guard environment != .sandbox, let limits = app.tenantLimits else { return }
        let today = LimaDate(now)
        let monthStart = (LimaDate(year: today.year, month: today.month, day: 1) ?? today).startOfDay
        let used = try await InvoiceRecord.query(on: db).filter(\.$tenantID == scope.tenantID).filter(\.$environment != .sandbox)
            .filter(\.$issuedAt >= monthStart).count()
        if let refusal = try await limits.refusal(.documentsThisMonth(used: used), tenantID: scope.tenantID, on: db) {
            throw APIError(.paymentRequired, code: "plan_limit", message: refusal.es)
        }
    }

    /// A new row for `draft`, not yet saved.
    func newRecord(_ draft: DocumentDraft, series: String) -> InvoiceRecord {
        let record = InvoiceRecord()
        record.id = UUID()
        record.tenantID = scope.tenantID
        record.environment = environment
        record.status = .draft
        record.publicToken = PublicDocumentPages.newToken()
        record.source = source
        (record.taxableCents, record.exemptCents, record.unaffectedCents, record.igvCents, record.totalCents) = (0, 0, 0, 0, 0)
        // Whole milliseconds: the history's cursor carries this time (see HistoryCursor).
        record.createdAt = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded() / 1000)
        record.updatedAt = now
        record.fill(from: draft, series: series)
        estimateTotals(of: record, draft: draft, series: series)
        return record
    }

    /// A draft's totals as they will be once issued (zero while the engine cannot compute them yet).
    func estimateTotals(of record: InvoiceRecord, draft: DocumentDraft, series: String) {
        if let calculated = try? EInvoiceCalculator.calculate(draft.engineDocument(number: 1, series: series, profile: profile)) {
            record.setTotals(calculated.totals)
        }
    }

    /// Checks `draft` and issues it in `tx`: numbered, signed, announced, queued for SUNAT;
    /// an inline customer is saved first, and `email` queues the customer's mail.
    func issue(
        _ draft: DocumentDraft, series: String, record existing: InvoiceRecord? = nil, customerPointer: String,
        saveCustomer: Bool, email: Bool, on tx: any Database
    ) async throws -> InvoiceRecord {
        var draft = draft
        if draft.issuedBy == nil { draft.issuedBy = userID }
        let record = existing ?? newRecord(draft, series: series)
        let context = DocumentIssuer.Context(profile: profile, environment: environment, signer: try signer(), now: now,
                                             customerPointer: customerPointer)
        let number = try await DocumentIssuer.takeNumber(tenantID: scope.tenantID, environment: environment, kind: draft.kind,
                                                         series: series, on: tx)
        try await checkMonthlyLimit(on: tx)
        if saveCustomer, let saved = try await CustomerBook.upsert(draft.customer, scope: scope, on: tx) {
            draft.customerID = saved.id
        }
        let issued = try await DocumentIssuer.issue(record, draft: draft, series: series, number: number, context: context, on: tx)
        if email, issued.customerEmail != nil {
            try await InvoiceMail.enqueue(issued, now: now, on: tx)
        }
        return issued
    }
}
