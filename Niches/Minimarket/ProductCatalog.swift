import Core
import Fluent
import Foundation
import Shared

/// Saving products: a barcode or SKU is unique in the business (409 naming it), and the
/// opening stock is the first line of the product's ledger.
enum ProductCatalog {
    /// Another product of the business already has this barcode or SKU.
    struct Duplicate: Error {
        let field: String
        let value: String
    }

    static func create(_ values: ProductValues, tenantID: UUID, userID: UUID?, now: Date, on db: any Database) async throws -> MarketProduct {
        let scope = TenantScope(tenantID: tenantID, db: db)
        try await checkUnique(values, except: nil, scope: scope)
        let product = MarketProduct()
        (product.tenantID, product.stockMilli, product.createdAt) = (tenantID, 0, now)
        apply(values, to: product, now: now)
        try await uniquely(values, except: nil, scope: scope) {
            try await db.transaction { tx in
                try await product.create(on: tx)
                if let stock = values.stock, !stock.isZero {
                    try await StockLedger.move(try product.requireID(), by: stock.milli, kind: .opening, tenantID: tenantID, userID: userID,
                                               note: "", now: now, on: tx)
                }
            }
        }
        product.stockMilli = values.stock?.milli ?? 0
        return product
    }

    static func update(_ product: MarketProduct, with values: ProductValues, now: Date, on db: any Database) async throws {
        let scope = TenantScope(tenantID: product.tenantID, db: db)
        try await checkUnique(values, except: product.id, scope: scope)
        apply(values, to: product, now: now)
        try await uniquely(values, except: product.id, scope: scope) { try await product.save(on: db) }
    }

    static func values(of product: MarketProduct) -> ProductValues {
        ProductValues(name: product.name, sku: product.sku, barcode: product.barcode, category: product.category, unit: product.unit,
                      price: product.price, tax: product.tax, cost: product.costCents.map { Money(cents: $0) },
                      lowStock: Quantity(milli: product.lowStockMilli), allowNegative: product.allowNegative, active: product.active, stock: nil)
    }

    /// Stock is left alone: it only changes through the ledger.
    private static func apply(_ values: ProductValues, to product: MarketProduct, now: Date) {
        (product.name, product.sku, product.barcode, product.category) = (values.name, values.sku, values.barcode, values.category)
        (product.unit, product.priceCents, product.tax, product.costCents) = (values.unit, values.price.cents, values.tax, values.cost?.cents)
        (product.lowStockMilli, product.allowNegative, product.active, product.updatedAt) = (values.lowStock.milli, values.allowNegative, values.active, now)
        product.searchText = SearchText.normalize([values.name, values.sku ?? "", values.barcode ?? "", values.category])
    }

    /// Runs the write; when a concurrent save took the barcode or SKU between the check and the
    /// write, the unique index refuses it and the check, run again, names the field.
    private static func uniquely(_ values: ProductValues, except id: UUID?, scope: TenantScope,
                                 _ write: () async throws -> Void) async throws {
        do {
            try await write()
        } catch {
            guard (error as? any DatabaseError)?.isConstraintFailure == true else { throw error }
            try await checkUnique(values, except: id, scope: scope)
            throw error
        }
    }

    private static func checkUnique(_ values: ProductValues, except id: UUID?, scope: TenantScope) async throws {
        for (field, value) in [("barcode", values.barcode), ("sku", values.sku)] {
            guard let value else { continue }
            let query = scope.query(MarketProduct.self)
            let other = try await (field == "barcode" ? query.filter(\.$barcode == value) : query.filter(\.$sku == value)).first()
            if let other, other.id != id { throw Duplicate(field: field, value: value) }
        }
    }

    /// By name, SKU or barcode; an exact barcode first (what a scanner types).
    static func search(_ text: String, barcode: String?, scope: TenantScope, limit: Int) async throws -> [MarketProduct] {
        if let barcode { return try await scope.query(MarketProduct.self).filter(\.$barcode == barcode).all() }
        var query = scope.query(MarketProduct.self)
        for term in SearchText.terms(text) { query = query.filter(\.$searchText ~~ term) }
        return try await query.sort(\.$name).limit(limit).all()
    }

    /// Active products at or under their threshold, emptiest first.
    static func low(scope: TenantScope) async throws -> [MarketProduct] {
        try await scope.query(MarketProduct.self).filter(\.$active == true).all()
            .filter { $0.stockMilli <= $0.lowStockMilli }.sorted { $0.stockMilli < $1.stockMilli }
    }
}

enum MarketFailure: Error {
    case noProduct(UUID)
}
