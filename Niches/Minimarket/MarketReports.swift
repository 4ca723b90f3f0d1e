import Core
import Fluent
import Foundation
import Shared

/// The minimarket's tables in the sales report: what sold most, and what is running out.
enum MarketReports {
    static let sections = [bestSellers, lowStock]

    static let bestSellers = ReportSection(
        id: "minimarket-best-sellers", title: LocalizedText(es: "Más vendidos", en: "Best sellers"),
        columns: [.init(LocalizedText(es: "Producto", en: "Product")), .init(LocalizedText(es: "Cantidad", en: "Quantity"), numeric: true),
                  .init(LocalizedText(es: "Importe", en: "Amount"), numeric: true)]
    ) { scope, from, to in
        // Sales not given back, made on the period's days (Lima).
        let sales = try await scope.query(MarketSale.self).filter(\.$state == .completed)
            .filter(\.$createdAt >= from.startOfDay).filter(\.$createdAt < to.adding(days: 1).startOfDay).all().compactMap(\.id)
        guard !sales.isEmpty else { return [] }
        let lines = try await scope.query(MarketSaleLine.self).filter(\.$saleID ~~ sales).all()
        let byProduct = Dictionary(grouping: lines, by: \.productID).map { _, lines in
            (name: lines[0].name, milli: lines.reduce(Int64(0)) { $0 + $1.quantityMilli }, cents: lines.reduce(Int64(0)) { $0 + $1.totalCents })
        }
        return byProduct.sorted { ($0.cents, $1.name) > ($1.cents, $0.name) }.prefix(20).map {
            [.text($0.name), .quantity(Quantity(milli: $0.milli).decimal), .money(Money(cents: $0.cents))]
        }
    }

    /// Today's shelf, whatever the period: the products at or under their threshold.
    static let lowStock = ReportSection(
        id: "minimarket-low-stock", title: LocalizedText(es: "Stock bajo", en: "Low stock"),
        columns: [.init(LocalizedText(es: "Producto", en: "Product")), .init(LocalizedText(es: "Stock", en: "Stock"), numeric: true),
                  .init(LocalizedText(es: "Mínimo", en: "Threshold"), numeric: true)]
    ) { scope, _, _ in
        let products = try await scope.query(MarketProduct.self).filter(\.$active == true).all()
            .filter { $0.stockMilli <= $0.lowStockMilli }.sorted { $0.name < $1.name }
        return products.map { [.text($0.name), .quantity($0.stock.decimal), .quantity(Quantity(milli: $0.lowStockMilli).decimal)] }
    }
}
