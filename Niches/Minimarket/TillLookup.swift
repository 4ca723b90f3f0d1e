import Core
import Foundation
import Shared
import Vapor

/// `GET /t/{tenant}/minimarket/till/products?code=…`: what the till's search field typed. A
/// barcode (what a scanner types, then Enter) finds its product or a 404 `unknown_barcode`
/// that says so, so nothing unknown is ever added; any other text lists the matches to pick.
enum TillLookup {
    /// A product as the till needs it: price in céntimos, so the browser sums integers.
    struct Product: Content {
        let id: UUID
        let name: String
        let barcode: String?
        let sku: String?
        /// `unit` or `kg`; a kg product takes a weight with up to three decimals.
        let unit: String
        let price_cents: Int64
        let stock: String
    }

    struct Found: Content {
        /// True when the text was read as a barcode; `products` then holds exactly one.
        let barcode: Bool
        let products: [Product]
    }

    @Sendable static func find(req: Request) async throws -> Found {
        try req.require(MinimarketModule.sell)
        let code = (req.query[String.self, at: "code"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !code.isEmpty, code.count <= 64 else {
            throw APIError(.badRequest, code: "invalid_code", message: req.t("till.error.code"))
        }
        let scope = try req.tenantScope
        if let barcode = barcode(code) {
            guard let product = try await ProductCatalog.search("", barcode: barcode, scope: scope, limit: 1).first(where: \.active) else {
                throw APIError(.notFound, code: "unknown_barcode",
                               message: req.t("till.error.unknown_barcode").replacingOccurrences(of: "{code}", with: code))
            }
            return Found(barcode: true, products: [Product(product)])
        }
        let products = try await ProductCatalog.search(code, barcode: nil, scope: scope, limit: 20).filter(\.active)
        return Found(barcode: false, products: products.map(Product.init))
    }

    /// The stored form of a code a scanner could have typed: all digits, EAN-8, UPC-A or
    /// EAN-13 long. A UPC-A is kept with its leading 0 (as products store it); a code whose
    /// check digit is wrong is still a barcode, one that no product has.
    static func barcode(_ text: String) -> String? {
        guard [8, 12, 13].contains(text.count), text.allSatisfy(\.isASCIIDigit) else { return nil }
        return (try? Barcode.validate(text)) ?? text
    }
}

extension TillLookup.Product {
    init(_ product: MarketProduct) {
        self.init(id: product.id!, name: product.name, barcode: product.barcode, sku: product.sku,
                  unit: product.unitOfMeasure == .kilogram ? "kg" : "unit", price_cents: product.priceCents, stock: product.stock.text)
    }
}
