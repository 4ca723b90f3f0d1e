import Core
import Fluent
import Foundation
import Invoicing
import Shared
import SQLKit
import Vapor

/// Giving a whole sale back: its goods return to stock and a credit note (motive 06, total
/// return) cancels its comprobante, in one transaction. The sale stays, marked returned.
enum SaleReturns {
    /// The sale was returned already (or by a concurrent request).
    struct AlreadyReturned: Error {}

    static func returnWhole(_ sale: MarketSale, reason: String, tenant: Tenant, userID: UUID?, app: Application,
                            on db: any Database) async throws -> MarketSale {
        guard sale.state == .completed else { throw AlreadyReturned() }
        let prepared = try await sale.documentID.asyncFlatMap { try await InternalIssuing.prepareReturn(of: $0, from: tenant, reason: reason, app: app, on: db) }
        let saleID = try sale.requireID()
        let tenantID = sale.tenantID
        let now = app.clock.now()
        try await db.transaction { tx in
            // The state change is the first write and the guard: a second return finds nothing to change.
            guard let sql = tx as? any SQLDatabase else { throw StockLedgerFailure.notSQL }
            let changed = try await sql.raw("""
                UPDATE \(ident: MarketSale.schema) SET state = \(bind: SaleState.returned.rawValue)
                WHERE id = \(bind: saleID) AND tenant_id = \(bind: tenantID) AND state = \(bind: SaleState.completed.rawValue)
                RETURNING id
                """).first()
            guard changed != nil else { throw AlreadyReturned() }
            let lines = try await TenantScope(tenantID: tenantID, db: tx).query(MarketSaleLine.self).filter(\.$saleID == saleID).all()
            for line in lines {
                try await StockLedger.move(line.productID, by: line.quantityMilli, kind: .return, tenantID: tenantID, saleID: saleID, userID: userID,
                                           note: reason, now: now, on: tx)
            }
            if let prepared {
                let credit = try await prepared.issue(on: tx)
                try await sql.raw("UPDATE \(ident: MarketSale.schema) SET credit_document_id = \(bind: credit) WHERE id = \(bind: saleID)").run()
            }
        }
        return try await TenantScope(tenantID: tenantID, db: db).require(MarketSale.self, saleID)
    }
}
