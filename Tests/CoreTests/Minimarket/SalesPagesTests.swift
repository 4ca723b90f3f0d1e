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
    @Suite struct SalesPagesTests {}
}

extension AllTests.SalesPagesTests {
    /// The day's sales with who sold and how it was paid; the owner gives one back: its goods
    /// return to stock and a credit note cancels its boleta, once.
    @Test func theOwnerGivesASaleBackWithACreditNote() async throws {
        try await withMarket { world in
            let app = world.app
            let sold = try await apiPost(app, "/api/v1/minimarket/sales", key: world.key, json: saleJSON("return-me-1", [(world.incaKola, "4")], cash: "10.00"))
            let saleID = try #require(try sold.json()["id"] as? String).lowercased()
            _ = try await apiPost(app, "/api/v1/minimarket/sales", key: world.key, json: saleJSON("keep-me-01", [(world.arroz, "1")], cash: "4.20"))
            #expect(try await MarketProduct.find(world.incaKola, on: app.db)?.stockMilli == 6_000)

            let owner = Browser(app)
            try await signIn(owner, "rosa@bodega.pe", "clave-segura-123")
            let base = "/t/\(world.business.slug)/minimarket/sales"
            let day = try await owner.get(base)
            #expect(day.body.contains(#"id="sale-\#(saleID)" data-state="completed""#) && day.body.contains("Inca Kola 500 ml × 4"))
            #expect(day.body.contains("S/ 14.20"), "the day's total")

            let staff = Browser(app)
            _ = try await addMember(app, to: world.business, email: "caja@bodega.pe", role: .staff)
            try await signIn(staff, "caja@bodega.pe", "clave-segura-123")
            let seen = try await staff.get(base)
            #expect(seen.status == .ok && !seen.body.contains("/return\""), "staff see the sales, not the return button")
            #expect(try await staff.post("\(base)/\(saleID)/return", [("reason", "x")]).status == .forbidden)

            let noReason = try await owner.post("\(base)/\(saleID)/return", [("reason", " ")])
            #expect(noReason.status == .unprocessableEntity)
            let returned = try await owner.post("\(base)/\(saleID)/return", [("reason", "Gaseosas vencidas")])
            #expect(returned.status == .ok && returned.body.contains(#"data-state="returned""#) && returned.body.contains(#"class="sale-credit""#))
            #expect(try await MarketProduct.find(world.incaKola, on: app.db)?.stockMilli == 10_000)
            let sale = try #require(try await MarketSale.find(UUID(uuidString: saleID), on: app.db))
            let credit = try #require(try await InvoiceRecord.find(sale.creditDocumentID, on: app.db))
            #expect(credit.kind == .notaCredito && credit.referenceID == sale.documentID && credit.totalCents == 1000 && credit.noteMotive == "06")
            let moves = try await MarketStockMove.query(on: app.db).filter(\.$saleID == sale.id!).all().map(\.kind)
            #expect(moves.sorted { $0.rawValue < $1.rawValue } == [.return, .sale])
            let again = try await owner.post("\(base)/\(saleID)/return", [("reason", "otra vez")])
            let creditNotes = try await InvoiceRecord.query(on: app.db).filter(\.$documentType == "07").count()
            #expect(again.status == .conflict && creditNotes == 1)
        }
    }
}
