import Core
import Fluent
import Foundation
import Shared

extension MinimarketModule {
    /// The minimarket's examples for `seed-demo`: a stocked shelf in the demo bodega, so the
    /// till can sell at once (scan or type these barcodes).
    public func seedDemo(_ demo: DemoSeed) async throws -> [String] {
        let now = demo.app.clock.now()
        for product in MarketDemo.shelf {
            _ = try await ProductCatalog.create(product, tenantID: demo.tenantID, userID: demo.ownerID, now: now, on: demo.db)
        }
        let slug = try await Tenant.find(demo.tenantID, on: demo.db)?.slug ?? ""
        return ["Demo till: \(demo.app.config.baseURL)/t/\(slug)/minimarket (\(MarketDemo.shelf.count) products; "
                + "try barcode \(MarketDemo.shelf[0].barcode ?? ""))"]
    }
}

/// What a Lima bodega sells; barcodes are valid EAN-13 (Peru's 775 prefix), prices include IGV.
enum MarketDemo {
    static func product(_ name: String, _ barcode: String?, _ price: String, stock: String, low: String = "5", category: String,
                        unit: UnitOfMeasure = .unit, tax: IGVAffectation = .gravado, allowNegative: Bool = false) -> ProductValues {
        ProductValues(name: name, sku: nil, barcode: barcode, category: category, unit: unit.rawValue, price: Money.parse(price)!,
                      tax: tax.word, cost: nil, lowStock: try! Quantity.parse(low), allowNegative: allowNegative, active: true,
                      stock: try! Quantity.parse(stock))
    }

    static let shelf = [
        product("Inca Kola 500 ml", "7750182002363", "2.50", stock: "48", low: "12", category: "Bebidas"),
        product("Leche Gloria 400 g", "7751271012348", "4.20", stock: "36", low: "6", category: "Lácteos"),
        product("Arroz Costeño 750 g", "7751001000102", "4.50", stock: "30", category: "Abarrotes"),
        product("Aceite Primor 1 L", "7751018000027", "10.90", stock: "12", low: "3", category: "Abarrotes"),
        product("Fideos Don Vittorio 500 g", "7751685005011", "3.80", stock: "25", category: "Abarrotes"),
        product("Azúcar rubia 1 kg", "7755000001238", "4.30", stock: "20", category: "Abarrotes"),
        product("Atún Florida 140 g", "7755300004564", "6.50", stock: "18", low: "4", category: "Conservas"),
        product("Galletas Soda Field", "7751900007899", "1.20", stock: "60", low: "10", category: "Snacks"),
        product("Jabón Bolívar 230 g", "7752400003213", "3.40", stock: "15", category: "Limpieza"),
        product("Papel higiénico Suave x4", "7753000006543", "6.90", stock: "10", low: "3", category: "Limpieza"),
        product("Pan francés", nil, "0.20", stock: "200", low: "20", category: "Panadería", allowNegative: true),
        product("Queso fresco", nil, "18.90", stock: "5.000", low: "1", category: "Lácteos", unit: .kilogram, tax: .exonerado),
        product("Papa amarilla", nil, "4.50", stock: "25.000", low: "5", category: "Verduras", unit: .kilogram, tax: .exonerado),
    ]
}
