import Core
import Fluent
import Foundation
import Shared
import SQLKit

/// Every stock change: one atomic statement on the product and one ledger row, in the
/// caller's transaction.
enum StockLedger {
    /// The sale would take a "block at zero" product below zero: nothing was changed.
    struct OutOfStock: Error {
        let productID: UUID
        let name: String
        let available: Int64
    }

    /// Adds `delta` thousandths (negative to take out) in a single UPDATE, so concurrent sales
    /// never lose a decrement; a product that blocks at zero is left unchanged and `OutOfStock`
    /// thrown when the change would take it below. Returns the stock after the change.
    @discardableResult
    static func move(_ productID: UUID, by delta: Int64, kind: StockMoveKind, tenantID: UUID, saleID: UUID? = nil, userID: UUID?,
                     note: String = "", now: Date, on db: any Database) async throws -> Int64 {
        guard let sql = db as? any SQLDatabase else { throw StockLedgerFailure.notSQL }
        let changed = try await sql.raw("""
            UPDATE \(ident: MarketProduct.schema) SET stock_milli = stock_milli + \(bind: delta)
            WHERE id = \(bind: productID) AND tenant_id = \(bind: tenantID)
              AND (\(literal: delta >= 0 ? 1 : 0) = 1 OR allow_negative OR stock_milli + \(bind: delta) >= 0)
            RETURNING stock_milli, low_stock_milli, name, barcode
            """).first()
        guard let changed else { throw try await refusal(productID, tenantID: tenantID, on: db) }
        let after = try changed.decode(column: "stock_milli", as: Int64.self)
        let move = MarketStockMove()
        (move.tenantID, move.productID, move.kind, move.deltaMilli, move.stockAfterMilli) = (tenantID, productID, kind, delta, after)
        (move.saleID, move.userID, move.note, move.createdAt) = (saleID, userID, note, now)
        try await move.create(on: db)
        let low = try changed.decode(column: "low_stock_milli", as: Int64.self)
        if after <= low, after - delta > low {
            let name = try changed.decode(column: "name", as: String.self)
            let barcode = try changed.decode(column: "barcode", as: String?.self)
            try await DomainEvents.emit(StockLow(productID: productID, name: name, barcode: barcode, stock: Quantity(milli: after).text,
                                                 threshold: Quantity(milli: low).text), tenantID: tenantID, at: now, on: db)
        }
        return after
    }

    /// Why nothing changed: another business's or no such product (404), or not enough stock.
    private static func refusal(_ productID: UUID, tenantID: UUID, on db: any Database) async throws -> any Error {
        guard let product = try await TenantScope(tenantID: tenantID, db: db).find(MarketProduct.self, productID) else {
            return MarketFailure.noProduct(productID)
        }
        return OutOfStock(productID: productID, name: product.name, available: product.stockMilli)
    }
}

enum StockLedgerFailure: Error { case notSQL }
