import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// HexaFac, the public invoicing API: `/api/v1/invoices`, `/credit-notes`, `/customers`.
/// Issuing answers 202 as soon as the document is numbered and signed; SUNAT's verdict comes
/// later (`GET` the `status_url`, or the `invoice.accepted` / `invoice.rejected` webhooks).
enum InvoicesAPI {
    static func routes(_ app: Application) {
        let api = app.tenantAPI
        let large: HTTPBodyStreamStrategy = .collect(maxSize: "2mb")
        api.on(.POST, "invoices", body: large, use: create)
        api.get("invoices", use: list)
        api.get("invoices", ":id", use: show)
        api.get("invoices", ":id", "pdf", use: pdf)
        api.get("invoices", ":id", "xml", use: xml)
        api.get("invoices", ":id", "cdr", use: cdr)
        api.on(.POST, "invoices", ":id", "void", body: large, use: void)
        api.on(.POST, "credit-notes", body: large, use: createCreditNote)
        api.get("customers", use: listCustomers)
        api.on(.POST, "customers", body: large, use: createCustomer)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesWrite)
        let (reader, body) = try APIInput.body(req)
        let session = try await InvoicingSession.of(req)
        let input = try await APIInput.invoice(reader, session: session, on: req.db)
        return try await issue(req, session: session, draft: input.draft, series: input.series, body: body,
                               customerPointer: input.customerPointer, saveCustomer: input.inlineCustomer, email: input.sendEmail)
    }

    @Sendable static func createCreditNote(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesWrite)
        let (reader, body) = try APIInput.body(req)
        let session = try await InvoicingSession.of(req)
        let (draft, series) = try await APIInput.creditNote(reader, session: session, on: req.db)
        return try await issue(req, session: session, draft: draft, series: series, body: body,
                               customerPointer: "/invoice_id", saveCustomer: false, email: false)
    }

    /// Checks, then (at most once per Idempotency-Key) numbers, signs and stores the document.
    private static func issue(
        _ req: Request, session: InvoicingSession, draft: DocumentDraft, series requested: String?, body: Data,
        customerPointer: String, saveCustomer: Bool, email: Bool
    ) async throws -> Response {
        var chosen = requested
        if chosen == nil { chosen = try await session.defaultSeries(draft.kind, reference: draft.reference, on: req.db) }
        guard let series = chosen else {
            throw InputProblems([InputProblem(pointer: "/series", rule: "unknown_series", message: "no hay series para este tipo de comprobante",
                                              messageEn: "there is no series for this document type")])
        }
        let credited = try await session.creditedBefore(draft.reference, on: req.db)
        _ = try DraftChecks.check(draft, series: series, profile: session.profile, creditedBefore: credited, customerPointer: customerPointer)
        let baseURL = req.application.config.baseURL
        let reference = draft.reference
        return try await IdempotentRequests.run(req, tenantID: session.scope.tenantID, body: body) { tx in
            let record = try await session.issue(draft, series: series, customerPointer: customerPointer,
                                                 saveCustomer: saveCustomer, email: email, on: tx)
            let dto = try InvoiceDTO(record, reference: reference, baseURL: baseURL)
            return try .json(dto, status: .accepted, location: dto.status_url)
        }
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesRead)
        let query = try HistoryQuery.read(req)
        let scope = try req.tenantScope
        let (rows, next) = try await query.page(scope: scope)
        let references = try await InvoiceLookup.references(of: rows, scope: scope)
        let baseURL = req.application.config.baseURL
        let data = try rows.map { try InvoiceDTO($0, reference: $0.referenceID.flatMap { references[$0] }, baseURL: baseURL) }
        return try json(ListDTO(data: data, next_cursor: next), status: .ok)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesRead)
        let record = try await InvoiceLookup.require(req)
        return try json(try await dto(record, req), status: .ok)
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesRead)
        var format = InvoicePrinter.Format.a4
        if let raw = req.query[String.self, at: "format"] {
            guard let chosen = InvoicePrinter.Format(rawValue: raw) else {
                throw InputProblems([InputProblem(pointer: "/format", rule: .oneOf(InvoicePrinter.Format.allCases.map(\.rawValue)))])
            }
            format = chosen
        }
        let record = try await InvoiceLookup.require(req)
        let profile = try await InvoicingProfile.query(on: req.db).filter(\.$tenantID == record.tenantID).first()
        return try DocumentFiles.pdf(record, profile: profile, format: format)
    }

    @Sendable static func xml(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesRead)
        return try DocumentFiles.xml(try await InvoiceLookup.require(req))
    }

    @Sendable static func cdr(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesRead)
        return try DocumentFiles.cdr(try await InvoiceLookup.require(req))
    }

    @Sendable static func void(req: Request) async throws -> Response {
        try req.require(CorePermission.invoicesVoid)
        let (reader, body) = try APIInput.body(req)
        let reason = reader.string("reason", required: true, maxLength: 100)
        reader.finish()
        try reader.log.throwIfAny()
        let record = try await InvoiceLookup.require(req)
        let now = req.application.clock.now()
        let baseURL = req.application.config.baseURL
        let reference = try await InvoiceLookup.reference(of: record, scope: try req.tenantScope)
        return try await IdempotentRequests.run(req, tenantID: record.tenantID, body: body) { tx in
            try await VoidDispatch.request(record, reason: reason ?? "", now: now, on: tx)
            let dto = try InvoiceDTO(record, reference: reference, baseURL: baseURL)
            return try .json(dto, status: .accepted, location: dto.status_url)
        }
    }

    @Sendable static func listCustomers(req: Request) async throws -> Response {
        try req.require(CorePermission.customersRead)
        let log = ProblemLog()
        var limit = 20
        let value = { (name: String) in req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces).nilIfEmpty }
        if let raw = value("limit") {
            if let number = Int(raw), (1...100).contains(number) { limit = number } else { log.add("/limit", .oneOf(["1..100"])) }
        }
        let cursor = value("cursor")
        if let cursor, CustomerCursor(cursor) == nil { log.add("/cursor", .format("cursor")) }
        try log.throwIfAny()
        let rows = try await CustomerBook.search(value("q"), scope: try req.tenantScope, limit: limit + 1, after: cursor)
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map(CustomerCursor.after) : nil
        return try json(ListDTO(data: try page.map(CustomerDTO.init), next_cursor: next), status: .ok)
    }

    @Sendable static func createCustomer(req: Request) async throws -> Response {
        try req.require(CorePermission.customersWrite)
        let (reader, body) = try APIInput.body(req)
        let data = CustomerData.read(reader)
        try reader.log.throwIfAny()
        guard let data else { throw InputProblems(reader.log.problems) }
        let scope = try req.tenantScope
        return try await IdempotentRequests.run(req, tenantID: scope.tenantID, body: body) { tx in
            do {
                let customer = try await CustomerBook.create(data, scope: scope, on: tx)
                return try .json(try CustomerDTO(customer), status: .created)
            } catch is CustomerBook.Duplicate {
                throw APIError(.conflict, code: "duplicate", message: "Ya hay un cliente con ese documento.")
            }
        }
    }

    static func dto(_ record: InvoiceRecord, _ req: Request) async throws -> InvoiceDTO {
        let reference = try await InvoiceLookup.reference(of: record, scope: try req.tenantScope)
        return try InvoiceDTO(record, reference: reference, baseURL: req.application.config.baseURL)
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponseStatus) throws -> Response {
        Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"],
                 body: .init(data: try JSONEncoder.api.encode(value)))
    }
}

/// Finding documents of the current business by the `:id` in the path.
enum InvoiceLookup {
    static func require(_ req: Request) async throws -> InvoiceRecord {
        try await req.tenantScope.require(InvoiceRecord.self, req.parameters.get("id", as: UUID.self))
    }

    static func reference(of record: InvoiceRecord, scope: TenantScope) async throws -> InvoiceRecord? {
        try await scope.find(InvoiceRecord.self, record.referenceID)
    }

    static func references(of rows: [InvoiceRecord], scope: TenantScope) async throws -> [UUID: InvoiceRecord] {
        let ids = rows.compactMap(\.referenceID)
        guard !ids.isEmpty else { return [:] }
        let found = try await scope.query(InvoiceRecord.self).filter(\.$id ~~ ids).all()
        return Dictionary(found.compactMap { record in record.id.map { ($0, record) } }, uniquingKeysWith: { first, _ in first })
    }
}
