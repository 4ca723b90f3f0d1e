@testable import Core
import Fluent
import Foundation
@testable import Minimarket
import Shared
import Vapor
import VaporTesting

/// A bodega with an API key and a few products: Inca Kola 500 ml (S/ 2.50, 10 in stock, blocks
/// at zero), queso fresco by the kilo (S/ 18.90/kg, exonerado), and a bag of rice.
struct MarketWorld {
    let app: Application
    let business: Business
    let key: String
    let incaKola: UUID
    let queso: UUID
    let arroz: UUID
}

func withMarket(_ body: (MarketWorld) async throws -> Void) async throws {
    try await withTestApp(modules: [MinimarketModule()]) { app in
        let business = try await makeBusiness(app, name: "Bodega Doña Rosa", email: "rosa@bodega.pe", modules: ["minimarket"])
        let key = try await makeAPIKey(app, business)
        func product(_ json: String) async throws -> UUID {
            let response = try await apiPost(app, "/api/v1/minimarket/products", key: key, json: json)
            guard response.status == .created, let id = (try response.json()["id"] as? String).flatMap(UUID.init(uuidString:)) else {
                throw Abort(.internalServerError, reason: "product not created: \(response.text)")
            }
            return id
        }
        try await body(MarketWorld(
            app: app, business: business, key: key,
            incaKola: try await product(#"{"name": "Inca Kola 500 ml", "barcode": "7750182002363", "price": "2.50", "stock": "10", "low_stock": "3"}"#),
            queso: try await product(#"{"name": "Queso fresco", "unit": "kg", "price": "18.90", "tax": "exonerado", "stock": "5.000"}"#),
            arroz: try await product(#"{"name": "Arroz Costeño 750 g", "sku": "ARR-750", "price": "4.20", "stock": "40", "allow_negative": true}"#)))
    }
}

/// A sale's JSON: `lines` as (product id, quantity), paid in cash with `tendered`.
func saleJSON(_ clientID: String, _ lines: [(UUID, String)], cash: String, tendered: String? = nil, extra: String = "") -> String {
    let items = lines.map { #"{"product_id": "\#($0.0.uuidString)", "quantity": "\#($0.1)"}"# }.joined(separator: ", ")
    let tender = tendered.map { #", "tendered": "\#($0)""# } ?? ""
    return #"{"client_id": "\#(clientID)", "lines": [\#(items)], "payments": [{"method": "cash", "amount": "\#(cash)"\#(tender)}]\#(extra)}"#
}
