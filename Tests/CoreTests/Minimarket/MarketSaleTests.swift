@testable import Core
import Fluent
import Foundation
@testable import Invoicing
@testable import Minimarket
import Shared
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct MarketSaleTests {}
}

extension AllTests.MarketSaleTests {
    /// 20 tills sell the last 10 Inca Kolas at once: 10 sales, 10 × 409, stock 0, and the
    /// ledger explains it with one row per sale.
    @Test func concurrentSalesNeverOversellABlockAtZeroProduct() async throws {
        try await withMarket { world in
            let bodies = (0..<20).map { saleJSON("till-sale-\($0)", [(world.incaKola, "1")], cash: "2.50") }
            let results = try await concurrentPOST(world.app, "/api/v1/minimarket/sales", key: world.key, bodies: bodies)
            #expect(results.filter { $0.status == 201 }.count == 10, "\(results.map(\.status))")
            #expect(results.filter { $0.status == 409 }.count == 10, "\(results.map(\.status))")
            #expect(results.filter { $0.status == 409 }.allSatisfy { $0.json["code"] as? String == "out_of_stock" && $0.json["available"] as? String == "0" })
            let product = try #require(try await MarketProduct.find(world.incaKola, on: world.app.db))
            #expect(product.stockMilli == 0)
            let moves = try await MarketStockMove.query(on: world.app.db).filter(\.$productID == world.incaKola).filter(\.$kind == .sale).all()
            #expect(moves.count == 10 && moves.allSatisfy { $0.deltaMilli == -1000 } && Set(moves.map(\.stockAfterMilli)).count == 10)
            #expect(try await MarketSale.query(on: world.app.db).count() == 10)
            #expect(try await InvoiceRecord.query(on: world.app.db).count() == 10, "one boleta per sale, none for the refused ones")
            let numbers = try await InvoiceRecord.query(on: world.app.db).all().compactMap(\.number).sorted()
            #expect(numbers == Array(1...10), "boleta numbers without gaps")
        }
    }

    /// With "allow negative" the shelf count is behind, not the sale: all 20 go through.
    @Test func allowNegativeSellsPastZero() async throws {
        try await withMarket { world in
            let patched = try await api(world.app, .PATCH, "/api/v1/minimarket/products/\(world.incaKola.uuidString)", key: world.key, json: #"{"allow_negative": true}"#)
            #expect(patched.status == .ok, "\(patched.text)")
            let bodies = (0..<20).map { saleJSON("neg-sale-\($0)", [(world.incaKola, "1")], cash: "2.50") }
            let results = try await concurrentPOST(world.app, "/api/v1/minimarket/sales", key: world.key, bodies: bodies)
            #expect(results.allSatisfy { $0.status == 201 }, "\(results.map(\.status))")
            #expect(try await MarketProduct.find(world.incaKola, on: world.app.db)?.stockMilli == -10_000)
            #expect(try await MarketStockMove.query(on: world.app.db).filter(\.$productID == world.incaKola).filter(\.$kind == .sale).count() == 20)
        }
    }

    /// A double-clicked or retried submit: the same till id is one sale, whether the second
    /// comes after the first or at the same moment.
    @Test func theSameClientSaleIdIsOneSale() async throws {
        try await withMarket { world in
            let body = saleJSON("double-click-1", [(world.arroz, "2")], cash: "8.40")
            let first = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: body)
            let again = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: body)
            #expect(first.status == .created && again.status == .ok)
            #expect(try first.json()["id"] as? String == (try again.json()["id"] as? String))
            let racing = try await concurrentPOST(world.app, "/api/v1/minimarket/sales", key: world.key,
                                                  bodies: Array(repeating: saleJSON("double-click-2", [(world.arroz, "1")], cash: "4.20"), count: 5))
            #expect(racing.filter { $0.status == 201 }.count == 1 && racing.filter { $0.status == 200 }.count == 4, "\(racing.map(\.status))")
            #expect(Set(racing.compactMap { $0.json["id"] as? String }).count == 1)
            #expect(try await MarketSale.query(on: world.app.db).count() == 2)
            #expect(try await MarketProduct.find(world.arroz, on: world.app.db)?.stockMilli == 37_000, "40 − 2 − 1")
        }
    }

    /// Cash is rounded down to S/ 0.10 in the customer's favour, as its own amount; the change
    /// comes from what was handed over; the boleta carries the exact total.
    @Test func cashSaleRoundsChangesAndIssuesItsBoleta() async throws {
        try await withMarket { world in
            // 3 Inca Kola (7.50) + 0.250 kg queso (4.725 → 4.73) = 12.23 → due 12.20 in cash.
            let body = saleJSON("round-0001", [(world.incaKola, "3"), (world.queso, "0.250")], cash: "12.20", tendered: "20.00")
            let response = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: body)
            #expect(response.status == .created, "\(response.text)")
            let sale = try response.json()
            #expect(sale["total"] as? String == "12.23" && sale["rounding"] as? String == "-0.03" && sale["due"] as? String == "12.20")
            #expect(sale["change"] as? String == "7.80")
            let document = try #require(sale["document"] as? [String: Any])
            #expect((document["full_number"] as? String)?.hasPrefix("B") == true && (document["ticket"] as? String)?.hasSuffix("format=ticket") == true)
            let record = try #require(try await InvoiceRecord.query(on: world.app.db).first())
            #expect(record.totalCents == 1223 && record.kind == .boleta)
            #expect(try await MarketProduct.find(world.queso, on: world.app.db)?.stockMilli == 4_750)
        }
    }

    /// A RUC makes it a factura to that company; a card pays exactly, never rounded.
    @Test func aRUCGetsAFacturaAndCardIsNotRounded() async throws {
        try await withMarket { world in
            let body = #"{"client_id": "factura-1", "lines": [{"barcode": "7750182002363", "quantity": "1"}], "payments": [{"method": "card", "amount": "2.50"}], "customer": {"ruc": "20100070970", "name": "Supermercados Peruanos S.A."}}"#
            let response = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: body)
            #expect(response.status == .created, "\(response.text)")
            #expect(try response.json()["rounding"] as? String == "0.00")
            let record = try #require(try await InvoiceRecord.query(on: world.app.db).first())
            #expect(record.kind == .factura && record.series.hasPrefix("F") && record.customerName == "Supermercados Peruanos S.A.")
        }
    }

    /// Bad sales are refused with the place and the reason, and change nothing.
    @Test func badSalesAreRefusedAndChangeNothing() async throws {
        try await withMarket { world in
            func refused(_ json: String) async throws -> (HTTPStatus, [String]) {
                let response = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: json)
                return (response.status, try problems(response))
            }
            let short = try await refused(saleJSON("short-0001", [(world.arroz, "2")], cash: "5.00"))
            #expect(short.0 == .unprocessableEntity && short.1 == ["/payments settlement"])
            let unknown = try await refused(#"{"client_id": "unknown-0001", "lines": [{"barcode": "7751234567892", "quantity": "1"}], "payments": [{"method": "cash", "amount": "1"}]}"#)
            #expect(unknown.0 == .unprocessableEntity && unknown.1 == ["/lines/0/barcode not_found"])
            let yape = try await refused(#"{"client_id": "yape-0001", "lines": [{"product_id": "\#(world.arroz.uuidString)", "quantity": "1"}], "payments": [{"method": "yape", "amount": "4.20"}]}"#)
            #expect(yape.0 == .unprocessableEntity && yape.1 == ["/payments/0/reference required"])
            let badQuantity = try await refused(saleJSON("qty-00001", [(world.queso, "0.2505")], cash: "5"))
            #expect(badQuantity.0 == .unprocessableEntity && badQuantity.1 == ["/lines/0/quantity decimals"])
            let badRUC = try await refused(saleJSON("ruc-00001", [(world.arroz, "1")], cash: "4.20", extra: #", "customer": {"ruc": "20100070971", "name": "X"}"#))
            #expect(badRUC.0 == .unprocessableEntity && badRUC.1 == ["/customer/ruc check_digit"])
            #expect(try await MarketSale.query(on: world.app.db).count() == 0)
            #expect(try await MarketProduct.find(world.arroz, on: world.app.db)?.stockMilli == 40_000)
        }
    }

    /// Open with a float, sell in cash and by Yape, close with what was counted.
    @Test func theTillClosesWithExpectedAndCountedCash() async throws {
        try await withMarket { world in
            let opened = try await apiPost(world.app, "/api/v1/minimarket/register/open", key: world.key, json: #"{"float": "50.00"}"#)
            #expect(opened.status == .created)
            #expect(try await apiPost(world.app, "/api/v1/minimarket/register/open", key: world.key, json: #"{"float": "1"}"#).status == .conflict)
            _ = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: saleJSON("till-0001", [(world.arroz, "1")], cash: "4.20", tendered: "10"))
            let yape = #"{"client_id": "till-0002", "lines": [{"product_id": "\#(world.arroz.uuidString)", "quantity": "2"}], "payments": [{"method": "yape", "amount": "8.40", "reference": "123456"}]}"#
            #expect(try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: yape).status == .created)
            let closed = try await apiPost(world.app, "/api/v1/minimarket/register/close", key: world.key, json: #"{"counted_cash": "54.00"}"#)
            let register = try closed.json()
            #expect(closed.status == .ok && register["expected_cash"] as? String == "54.20" && register["difference"] as? String == "-0.20")
            #expect((register["takings"] as? [String: String]) == ["cash": "4.20", "yape": "8.40"])
            #expect(try await apiPost(world.app, "/api/v1/minimarket/register/close", key: world.key, json: #"{"counted_cash": "1"}"#).status == .conflict)
        }
    }
}

extension AllTests.MarketSaleTests {
    /// A sandbox key's sale gets a sandbox comprobante even when the business issues to SUNAT;
    /// the business's own key issues in its environment.
    @Test func aSandboxKeysSaleStaysOutOfSUNAT() async throws {
        try await withMarket { world in
            let app = world.app
            let profile = try await InvoicingProfiles.ensure(world.business.tenant, app: app, on: app.db)
            profile.environment = .beta
            try await profile.save(on: app.db)
            let sandboxKey = try await APIKeys.issue(tenantID: world.business.id, name: "pruebas", scopes: ["*"], sandbox: true, on: app.db,
                                                     secret: app.config.secretKey).plaintext
            let test = try await apiPost(app, "/api/v1/minimarket/sales", key: sandboxKey, json: saleJSON("sandbox-sale-1", [(world.arroz, "1")], cash: "4.20"))
            let real = try await apiPost(app, "/api/v1/minimarket/sales", key: world.key, json: saleJSON("real-sale-01", [(world.arroz, "1")], cash: "4.20"))
            #expect(test.status == .created && real.status == .created, "\(test.text) \(real.text)")
            let environments = try await InvoiceRecord.query(on: app.db).sort(\.$createdAt).all().map(\.environment)
            #expect(environments == [.sandbox, .beta])
        }
    }

    /// Nothing to charge is not a sale, and two "open till" at once open one till.
    @Test func aZeroSaleIsRefusedAndOneTillOpensAtATime() async throws {
        try await withMarket { world in
            let free = #"{"client_id": "free-sale-1", "lines": [{"product_id": "\#(world.arroz.uuidString)", "quantity": "1", "discount": "4.20"}], "payments": [{"method": "cash", "amount": "0"}]}"#
            let refused = try await apiPost(world.app, "/api/v1/minimarket/sales", key: world.key, json: free)
            let refusedProblems = try problems(refused)
            #expect(refused.status == .unprocessableEntity && refusedProblems == ["/lines total_zero"])
            let opens = try await concurrentPOST(world.app, "/api/v1/minimarket/register/open", key: world.key,
                                                 bodies: Array(repeating: #"{"float": "50.00"}"#, count: 6))
            #expect(opens.filter { $0.status == 201 }.count == 1 && opens.filter { $0.status == 409 }.count == 5, "\(opens.map(\.status))")
            #expect(try await MarketRegister.query(on: world.app.db).count() == 1)
        }
    }
}
