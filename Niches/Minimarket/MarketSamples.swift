import Core
import Fluent
import Foundation

/// The onboarding's sample shelf: the demo bodega's products with their opening stock, so a
/// new owner can try the till at once. Removing them deletes the products never sold and
/// retires (hides) the ones a sale points at, so the sales history stays whole.
enum MarketSamples {
    static let kind = "product"
    static let data = SampleData(add: add, remove: remove)

    @Sendable static func add(_ sample: SampleScope) async throws {
        let taken = Set(try await sample.scope.query(MarketProduct.self).all().compactMap(\.barcode))
        for product in MarketDemo.shelf where product.barcode.map({ !taken.contains($0) }) ?? true {
            let made = try await ProductCatalog.create(product, tenantID: sample.tenantID, userID: sample.userID, now: sample.now, on: sample.db)
            try await sample.record(try made.requireID(), kind: kind)
        }
    }

    @Sendable static func remove(_ sample: SampleScope) async throws {
        let ids = try await sample.recorded(kind)
        guard !ids.isEmpty else { return }
        let scope = sample.scope
        let sold = Set(try await scope.query(MarketSaleLine.self).filter(\.$productID ~~ ids).all().map(\.productID))
        let unsold = ids.filter { !sold.contains($0) }
        if !unsold.isEmpty {
            try await scope.query(MarketStockMove.self).filter(\.$productID ~~ unsold).delete()
            try await scope.query(MarketProduct.self).filter(\.$id ~~ unsold).delete()
        }
        if !sold.isEmpty {
            try await scope.query(MarketProduct.self).filter(\.$id ~~ Array(sold)).set(\.$active, to: false).set(\.$updatedAt, to: sample.now).update()
        }
    }
}
