import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/minimarket/products`: the shelf. Search, add and edit products (the API's
/// rules and messages), count or receive stock, each product's ledger, what runs low.
enum ProductPages {
    static func routes(_ pages: any RoutesBuilder) {
        let products = pages.grouped("products")
        products.get(use: list)
        products.post(use: create)
        products.get("new", use: new)
        products.get(":product", use: show)
        products.post(":product", use: update)
        products.post(":product", "stock", use: adjust)
    }

    /// The form's fields, named like the API's JSON.
    struct Form: Content {
        var name: String?
        var sku: String?
        var barcode: String?
        var category: String?
        var unit: String?
        var price: String?
        var tax: String?
        var cost: String?
        var stock: String?
        var low_stock: String?
        var allow_negative: String?
        var active: String?

        /// The API's JSON, so the page and the API share every rule and message. Empty text
        /// is "not given" (but clears a SKU or barcode); unticked boxes are false.
        func json(creating: Bool) -> JSONValue {
            var object: [String: JSONValue] = ["allow_negative": .bool(allow_negative != nil)]
            if !creating { object["active"] = .bool(active != nil) }
            let texts = [("name", name), ("sku", sku), ("barcode", barcode), ("category", category), ("unit", unit), ("price", price),
                         ("tax", tax), ("cost", cost), ("low_stock", low_stock)] + (creating ? [("stock", stock)] : [])
            for (key, value) in texts {
                guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                    // An emptied SKU or barcode field removes it (the API reads "" as none).
                    if !creating, key == "sku" || key == "barcode" { object[key] = .string("") }
                    continue
                }
                // People type "3,50"; the API's decimals use a point.
                let numeric = ["price", "cost", "stock", "low_stock"].contains(key)
                object[key] = .string(numeric ? value.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "S/", with: "")
                    .trimmingCharacters(in: .whitespaces) : value)
            }
            return .object(object)
        }
    }

    struct Row: Encodable {
        let id: String
        let name: String
        let barcode: String
        let category: String
        let price: String
        let stock: String
        let low: Bool
        let active: Bool
    }

    struct ListPage: Encodable {
        let query: String
        let onlyLow: Bool
        let rows: [Row]
        let notice: String?
    }

    static func base(_ req: Request) throws -> String { "/t/\(try req.tenantContext.tenant.slug)/minimarket/products" }

    @Sendable static func list(req: Request) async throws -> View {
        try req.require(MinimarketModule.manage)
        struct Query: Decodable { var q: String?; var low: String? }
        let query = try req.query.decode(Query.self)
        let scope = try req.tenantScope
        let products = query.low != nil ? try await ProductCatalog.low(scope: scope)
            : try await ProductCatalog.search(query.q ?? "", barcode: nil, scope: scope, limit: 500)
        let page = ListPage(
            query: query.q ?? "", onlyLow: query.low != nil,
            rows: products.map { product in
                Row(id: product.id!.uuidString.lowercased(), name: product.name, barcode: product.barcode ?? product.sku ?? "",
                    category: product.category, price: product.price.formatted, stock: product.stock.formatted(product.unitOfMeasure),
                    low: product.stockMilli <= product.lowStockMilli, active: product.active)
            },
            notice: ["saved", "imported"].first { req.query[String.self, at: $0] != nil }.map { req.t("market.products.\($0)") })
        return try await req.renderPage("minimarket/products", page, title: req.t("market.products.title"))
    }
}
