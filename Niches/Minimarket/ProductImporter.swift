import Core
import Fluent
import Foundation
import Shared

/// Saving the good rows of an import: a row whose barcode (or else SKU) a product already has
/// updates that product (prices change more often than shelves); any other row is a new
/// product. The stock column is a new product's opening stock; an existing product's stock
/// is left alone, since a file exported an hour ago would undo the sales made since.
enum ProductImporter {
    struct Result {
        var created = 0
        var updated = 0
        /// Rows that could not be saved (a barcode on one product and the SKU on another).
        var refused: [String] = []
    }

    static func apply(_ rows: [ProductRow], tenantID: UUID, userID: UUID?, now: Date, on db: any Database) async throws -> Result {
        let scope = TenantScope(tenantID: tenantID, db: db)
        var result = Result()
        for row in rows {
            let existing = try await match(row, scope: scope)
            do {
                if let existing {
                    var values = ProductCatalog.values(of: existing)
                    values.apply(row)
                    try await ProductCatalog.update(existing, with: values, now: now, on: db)
                    result.updated += 1
                } else {
                    var values = ProductValues(name: row.name, sku: nil, barcode: nil, category: "General", unit: row.unit.rawValue, price: row.price,
                                               tax: row.affectation.word, cost: nil, lowStock: .zero, allowNegative: false, active: true, stock: row.stock)
                    values.apply(row)
                    _ = try await ProductCatalog.create(values, tenantID: tenantID, userID: userID, now: now, on: db)
                    result.created += 1
                }
            } catch let duplicate as ProductCatalog.Duplicate {
                result.refused.append("\(row.name): \(duplicate.field) \(duplicate.value)")
            }
        }
        return result
    }

    private static func match(_ row: ProductRow, scope: TenantScope) async throws -> MarketProduct? {
        if let barcode = row.barcode?.digits, let found = try await scope.query(MarketProduct.self).filter(\.$barcode == barcode).first() {
            return found
        }
        guard let sku = row.sku else { return nil }
        return try await scope.query(MarketProduct.self).filter(\.$sku == sku).first()
    }
}

extension ProductValues {
    /// The row's values over these; cells left empty in the file keep what was there.
    mutating func apply(_ row: ProductRow) {
        (name, unit, price, tax) = (row.name, row.unit.rawValue, row.price, row.affectation.word)
        sku = row.sku ?? sku
        barcode = row.barcode?.digits ?? barcode
        category = row.category ?? category
        cost = row.cost ?? cost
        lowStock = row.minStock ?? lowStock
        allowNegative = row.allowNegative
    }
}
