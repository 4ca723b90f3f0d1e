import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import SQLKit
import Vapor

/// Customers of a business: saved from the customers page, the API, or inline in a document
/// (then found again by their document number, and updated with what the document says).
enum CustomerBook {
    struct Duplicate: Error { let existing: InvoiceCustomer }

    /// A new customer; `Duplicate` when one with the same document exists. A deleted one with
    /// that document comes back instead (its documents still point to it).
    ///
    /// The insert comes first (`ON CONFLICT DO NOTHING`, the unique document decides), so that in
    /// a transaction the first statement is a write (see `PaymentLedger.apply` for SQLite's why).
    static func create(_ data: CustomerData, scope: TenantScope, on db: any Database) async throws -> InvoiceCustomer {
        let customer = InvoiceCustomer()
        customer.id = UUID()
        customer.tenantID = scope.tenantID
        customer.apply(data)
        if try await insertIfNew(customer, on: db) { return customer }
        guard let existing = try await find(data, scope: scope, on: db, withDeleted: true) else { throw Duplicate(existing: customer) }
        guard existing.deletedAt != nil else { throw Duplicate(existing: existing) }
        try await existing.restore(on: db)
        existing.apply(data)
        try await existing.save(on: db)
        return existing
    }

    /// Inserts `customer` unless its document is taken; true when it was inserted.
    private static func insertIfNew(_ customer: InvoiceCustomer, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else {
            try await customer.create(on: db)
            return true
        }
        let now = Date()
        let rows = try await sql.raw("""
            INSERT INTO \(ident: InvoiceCustomer.schema)
                (id, tenant_id, document_type, document_number, name, email, phone, address, search_text, created_at, updated_at)
            VALUES (\(bind: customer.id), \(bind: customer.tenantID), \(bind: customer.documentType), \(bind: customer.documentNumber),
                    \(bind: customer.name), \(bind: customer.email), \(bind: customer.phone), \(bind: customer.address),
                    \(bind: customer.searchText), \(bind: now), \(bind: now))
            ON CONFLICT (tenant_id, document_type, document_number) DO NOTHING RETURNING id
            """).all()
        guard !rows.isEmpty else { return false }
        customer.createdAt = now
        customer.updatedAt = now
        customer.$id.exists = true
        return true
    }

    /// The saved customer for a document's inline customer: found by document and refreshed,
    /// or created. Anonymous buyers ("sin documento") are not saved.
    static func upsert(_ data: CustomerData, scope: TenantScope, on db: any Database) async throws -> InvoiceCustomer? {
        guard data.documentType != .varios else { return nil }
        if let existing = try await find(data, scope: scope, on: db, withDeleted: true) {
            if existing.deletedAt != nil { try await existing.restore(on: db) }
            var merged = data
            merged.email = data.email ?? existing.email
            merged.phone = data.phone ?? existing.phone
            merged.address = data.address ?? existing.address
            existing.apply(merged)
            try await existing.save(on: db)
            return existing
        }
        return try await create(data, scope: scope, on: db)
    }

    static func find(_ data: CustomerData, scope: TenantScope, on db: any Database, withDeleted: Bool) async throws -> InvoiceCustomer? {
        var query = InvoiceCustomer.query(on: db).filter(\.$tenantID == scope.tenantID)
            .filter(\.$documentType == data.documentType.rawValue).filter(\.$documentNumber == data.documentNumber)
        if withDeleted { query = query.withDeleted() }
        return try await query.first()
    }

    /// Customers matching every word of `query` in name, number or e-mail, by name.
    static func search(_ query: String?, scope: TenantScope, limit: Int, after cursor: String?) async throws -> [InvoiceCustomer] {
        var builder = scope.query(InvoiceCustomer.self)
        for term in SearchText.terms(query ?? "") {
            builder = builder.filter(\.$searchText ~~ term)
        }
        if let cursor = CustomerCursor(cursor) {
            builder = builder.group(.or) { group in
                group.filter(\.$name > cursor.name)
                group.group(.and) { $0.filter(\.$name == cursor.name).filter(\.$id > cursor.id) }
            }
        }
        return try await builder.sort(\.$name).sort(\.$id).limit(limit).all()
    }
}

/// Where a page of customers ended: its last name and id.
struct CustomerCursor {
    let name: String
    let id: UUID

    init?(_ text: String?) {
        guard let text, let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8),
              let bar = decoded.lastIndex(of: "|"), let id = UUID(uuidString: String(decoded[decoded.index(after: bar)...])) else { return nil }
        name = String(decoded[..<bar])
        self.id = id
    }

    static func after(_ customer: InvoiceCustomer) -> String {
        Data("\(customer.name)|\(customer.id?.uuidString ?? "")".utf8).base64EncodedString()
    }
}
