@testable import Core
import Fluent
import Foundation
@testable import Minimarket
import Shared
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct ProductPagesTests {}
}

extension AllTests.ProductPagesTests {
    /// The owner adds a product on the page (the API's rules and messages), receives and
    /// counts stock, and the ledger explains the figure; staff cannot open the shelf.
    @Test func ownerKeepsProductsAndStockOnThePages() async throws {
        try await withMarket { world in
            let owner = Browser(world.app)
            try await signIn(owner, "rosa@bodega.pe", "clave-segura-123")
            let base = "/t/\(world.business.slug)/minimarket/products"
            _ = try await owner.get("\(base)/new")
            let bad = try await owner.post(base, [("name", "Leche Gloria"), ("barcode", "7751271012346"), ("price", "abc")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains(#"id="error-barcode""#) && bad.body.contains(#"id="error-price""#))
            #expect(bad.body.contains(#"value="Leche Gloria""#), "what was typed is kept")
            let taken = try await owner.post(base, [("name", "Otra gaseosa"), ("barcode", "7750182002363"), ("price", "2")])
            #expect(taken.status == .conflict && taken.body.contains("Otro producto ya tiene ese código de barras."))
            let created = try await owner.post(base, [("name", "Leche Gloria 400 g"), ("price", "4,20"), ("stock", "12"), ("low_stock", "4")])
            let path = try #require(created.location?.components(separatedBy: "?").first)
            let leche = try #require(try await MarketProduct.query(on: world.app.db).filter(\.$name == "Leche Gloria 400 g").first())
            #expect(leche.priceCents == 420 && leche.stockMilli == 12_000 && !leche.allowNegative)

            _ = try await owner.get(path)
            _ = try await owner.post("\(path)/stock", [("kind", "receipt"), ("quantity", "6"), ("note", "Proveedor Gloria")])
            let counted = try await owner.post("\(path)/stock", [("kind", "count"), ("quantity", "15")])
            #expect(counted.location?.hasSuffix("saved=1") == true)
            let page = try await owner.get(path)
            #expect(page.body.contains(#"<span id="stock-now">15</span>"#))
            let moves = try await MarketStockMove.query(on: world.app.db).filter(\.$productID == leche.id!).sort(\.$createdAt).all()
            #expect(moves.map(\.kind) == [.opening, .receipt, .adjustment] && moves.map(\.deltaMilli) == [12_000, 6_000, -3_000])
            _ = try await owner.post(path, [("name", "Leche Gloria 400 g"), ("sku", "LG-400"), ("price", "4.20"), ("low_stock", "4"), ("active", "on")])
            #expect(try await MarketProduct.find(leche.id, on: world.app.db)?.sku == "LG-400")
            _ = try await owner.post(path, [("name", "Leche Gloria 400 g"), ("sku", ""), ("price", "4.20"), ("low_stock", "4"), ("active", "on")])
            #expect(try await MarketProduct.find(leche.id, on: world.app.db)?.sku == nil, "an emptied SKU field removes it")
            let fraction = try await owner.post("\(path)/stock", [("kind", "receipt"), ("quantity", "1.5")])
            #expect(fraction.status == .unprocessableEntity && fraction.body.contains(#"id="error-quantity""#), "units are whole")

            let low = try await owner.get("\(base)?low=1")
            #expect(!low.body.contains("Leche Gloria") && low.body.contains("Inca Kola") == false, "15 > 4; Inca Kola has 10 > 3")

            let staff = Browser(world.app)
            _ = try await addMember(world.app, to: world.business, email: "caja@bodega.pe", role: .staff)
            try await signIn(staff, "caja@bodega.pe", "clave-segura-123")
            #expect(try await staff.get(base).status == .forbidden)
        }
    }

    /// An Excel file in Latin-1 with `;` and decimal commas is read right; rows with problems
    /// are shown with their line and left out; importing again updates prices, never stock.
    @Test func importChecksEveryRowThenSavesTheGoodOnes() async throws {
        try await withMarket { world in
            let owner = Browser(world.app)
            try await signIn(owner, "rosa@bodega.pe", "clave-segura-123")
            let base = "/t/\(world.business.slug)/minimarket/products"
            _ = try await owner.get("\(base)/import")
            let latin1: [UInt8] = Array("nombre;precio;codigo_barras;stock\r\nRon A".utf8) + [0xF1] + Array("ejo;3,50;;5\r\nPisco;abc;7750182002364;1\r\nInca Kola 500 ml;2,80;7750182002363;99\r\n".utf8)
            let preview = try await owner.upload("\(base)/import", field: "file", filename: "productos.csv", bytes: latin1)
            #expect(preview.status == .ok, "\(preview.body.prefix(500))")
            #expect(preview.body.contains("Ron Añejo") && preview.body.contains("Windows-1252"))
            #expect(preview.body.components(separatedBy: "import-bad").count - 1 == 1 && preview.body.components(separatedBy: "import-good").count - 1 == 2)
            #expect(try await MarketProduct.query(on: world.app.db).count() == 3, "the preview saves nothing")

            let data = try #require(preview.body.components(separatedBy: #"name="data" value=""#).dropFirst().first?.components(separatedBy: "\"").first)
            let applied = try await owner.post("\(base)/import/apply", [("data", data)])
            #expect(applied.body.contains("1 productos nuevos, 1 actualizados, 1 filas omitidas"), "\(applied.body.prefix(300))")
            let ron = try #require(try await MarketProduct.query(on: world.app.db).filter(\.$name == "Ron Añejo").first())
            #expect(ron.priceCents == 350 && ron.stockMilli == 5_000)
            let inca = try #require(try await MarketProduct.find(world.incaKola, on: world.app.db))
            #expect(inca.priceCents == 280 && inca.stockMilli == 10_000, "price updated, stock left to the ledger")

            let export = try await owner.get("\(base)/export.csv")
            #expect(export.status == .ok && export.body.hasPrefix("\u{FEFF}nombre;"))
            let reimport = try await owner.upload("\(base)/import", field: "file", filename: "export.csv", bytes: Array(export.body.utf8))
            #expect(reimport.body.contains("import-good") && !reimport.body.contains("import-bad"), "an export reads back without errors")

            let empty = try await owner.upload("\(base)/import", field: "file", filename: "vacio.csv", bytes: [])
            #expect(empty.status == .unprocessableEntity && empty.body.contains(#"id="import-error""#))
            let noPrice = try await owner.upload("\(base)/import", field: "file", filename: "x.csv", bytes: Array("nombre,costo\nPan,0.20\n".utf8))
            #expect(noPrice.status == .unprocessableEntity && noPrice.body.contains(#"id="import-error""#))
        }
    }

    /// The wizard's minimarket steps follow the data: products, stock, a cashier, a sale.
    @Test func onboardingStepsFollowTheData() async throws {
        try await withTestApp(modules: [MinimarketModule()]) { app in
            let business = try await makeBusiness(app, name: "Bodega Nueva", email: "nueva@bodega.pe", modules: ["minimarket"])
            func done() async throws -> [Bool] {
                var result: [Bool] = []
                for step in MarketOnboarding.steps { result.append(try await step.isComplete(business.id, app.db)) }
                return result
            }
            #expect(try await done() == [false, false, false, false])
            let key = try await makeAPIKey(app, business)
            let product = try await apiPost(app, "/api/v1/minimarket/products", key: key, json: #"{"name": "Pan francés", "price": "0.20", "stock": "100"}"#)
            #expect(try await done() == [true, true, false, false])
            _ = try await addMember(app, to: business, email: "cajero@bodega.pe", role: .staff)
            let id = try #require(try product.json()["id"] as? String)
            _ = try await apiPost(app, "/api/v1/minimarket/sales", key: key, json: #"{"client_id": "first-sale-1", "lines": [{"product_id": "\#(id)", "quantity": "5"}], "payments": [{"method": "cash", "amount": "1.00"}]}"#)
            #expect(try await done() == [true, true, true, true])
            let owner = Browser(app)
            try await signIn(owner, "nueva@bodega.pe", "clave-segura-123")
            let wizard = try await owner.get("/t/\(business.slug)/onboarding")
            #expect(wizard.body.contains("/t/\(business.slug)/onboarding/minimarket.market-products"))
            let step = try await owner.get("/t/\(business.slug)/onboarding/minimarket.market-products")
            #expect(step.body.contains(#"id="step-open-page""#) && step.body.contains("/t/\(business.slug)/minimarket/products/import"))
        }
    }
}
