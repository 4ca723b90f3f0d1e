@testable import Core
import Fluent
import Foundation
@testable import Invoicing
@testable import Minimarket
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct TillPageTests {}
}

/// What the till's script sends: the browser's session cookie and, unless told not to, its
/// CSRF token in the header, asking for JSON. `overHTTP` goes through a listening server, the
/// only way to meet the body-size limits (the in-memory tester hands the body over whole).
func tillCall(_ browser: Browser, _ method: HTTPMethod, _ path: String, json: String? = nil,
                      csrf: Bool = true, overHTTP: Bool = false) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders([("Accept", "application/json")])
    if let cookie = browser.cookie { headers.add(name: .cookie, value: "mn_session=\(cookie)") }
    if csrf, let token = browser.csrf { headers.add(name: "X-CSRF-Token", value: token) }
    if json != nil { headers.contentType = .json }
    let tester = try browser.app.testing(method: overHTTP ? .running(hostname: "127.0.0.1", port: 0) : .inMemory)
    return try await tester.sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
}

/// A cashier (staff) signed in with the till open in the browser.
func cashier(_ world: MarketWorld) async throws -> Browser {
    _ = try await addMember(world.app, to: world.business, email: "caja@bodega.pe", role: .staff)
    let browser = Browser(world.app)
    try await signIn(browser, "caja@bodega.pe", "clave-segura-123")
    try await browser.get("/t/\(world.business.slug)/minimarket")
    return browser
}

extension AllTests.TillPageTests {
    /// Staff sell; a customer of the business may not (403), and a business without the
    /// minimarket, or someone else's, has no till (404).
    @Test func theTillIsForTheBusinessStaff() async throws {
        try await withMarket { world in
            let path = "/t/\(world.business.slug)/minimarket"
            let staff = try await cashier(world)
            let page = try await staff.get(path)
            #expect(page.status == .ok && page.body.contains(#"id="till-search""#) && page.body.contains(#"src="/js/till.js""#))
            #expect(page.body.contains(#"data-csrf="\#(try #require(staff.csrf))""#), "the script's CSRF token")
            #expect(page.body.contains(#"id="till-shift" data-open="false""#), "no shift open yet: the float form shows")

            _ = try await addMember(world.app, to: world.business, email: "cliente@correo.pe", role: .customer)
            let customer = Browser(world.app)
            try await signIn(customer, "cliente@correo.pe", "clave-segura-123")
            #expect(try await customer.get(path).status == .forbidden)
            #expect(try await tillCall(customer, .GET, "\(path)/till/products?code=7750182002363").status == .forbidden)

            let other = try await makeBusiness(world.app, name: "Salón Lila", email: "lila@salon.pe")
            let stranger = try await ownerBrowser(world.app, other)
            #expect(try await stranger.get(path).status == .notFound)
            #expect(try await stranger.get("/t/\(other.slug)/minimarket").status == .notFound, "the module is off there")
            let anonymous = try await Browser(world.app).get(path)
            #expect(anonymous.status == .seeOther && anonymous.location?.hasPrefix("/login") == true, "\(anonymous.status)")
        }
    }

    /// A scanned barcode finds its product (price in céntimos for the browser's sums); an unknown
    /// one is a 404 that says so; text lists the matches.
    @Test func theLookupFindsBarcodesAndSaysWhichAreUnknown() async throws {
        try await withMarket { world in
            let staff = try await cashier(world)
            let lookup = "/t/\(world.business.slug)/minimarket/till/products?code="
            let found = try await tillCall(staff, .GET, lookup + "7750182002363")
            let foundJSON = try found.json()
            let products = foundJSON["products"] as? [[String: Any]]
            #expect(found.status == .ok && foundJSON["barcode"] as? Bool == true && products?.count == 1)
            #expect(products?.first?["name"] as? String == "Inca Kola 500 ml" && products?.first?["price_cents"] as? Int == 250)

            let unknown = try await tillCall(staff, .GET, lookup + "7751234567892")
            let unknownJSON = try unknown.json()
            #expect(unknown.status == .notFound && unknownJSON["code"] as? String == "unknown_barcode")
            #expect((unknownJSON["error"] as? String)?.contains("7751234567892") == true, "\(unknown.text)")
            let badCheckDigit = try await tillCall(staff, .GET, lookup + "7750182002364")
            #expect(badCheckDigit.status == .notFound, "a mistyped code is unknown, never another product")

            let text = try await tillCall(staff, .GET, lookup + "queso")
            let textJSON = try text.json()
            let matches = textJSON["products"] as? [[String: Any]]
            #expect(text.status == .ok && textJSON["barcode"] as? Bool == false)
            #expect(matches?.map { $0["name"] as? String } == ["Queso fresco"] && matches?.first?["unit"] as? String == "kg")
            #expect(try await tillCall(staff, .GET, lookup).status == .badRequest)
            #expect(try await tillCall(staff, .GET, lookup + String(repeating: "x", count: 65)).status == .badRequest)
        }
    }

    /// The page's sale is the API's: a boleta with its 80 mm ticket, the same client id is the
    /// same sale, refusals are 409 and 422 in JSON, and a post without the CSRF token is refused.
    @Test func aSaleFromThePageIsRecordedOnceWithItsBoleta() async throws {
        try await withMarket { world in
            let staff = try await cashier(world)
            let sales = "/t/\(world.business.slug)/minimarket/till/sales"
            let body = saleJSON("page-sale-0001", [(world.incaKola, "3"), (world.queso, "0.250")], cash: "12.20", tendered: "20.00")
            #expect(try await tillCall(staff, .POST, sales, json: body, csrf: false).status == .forbidden)
            #expect(try await MarketSale.query(on: world.app.db).count() == 0)

            let first = try await tillCall(staff, .POST, sales, json: body)
            #expect(first.status == .created, "\(first.text)")
            let sale = try first.json()
            let document = try #require(sale["document"] as? [String: Any])
            #expect((document["full_number"] as? String)?.hasPrefix("B") == true && (document["ticket"] as? String)?.hasSuffix("/pdf?format=ticket") == true)
            #expect(sale["rounding"] as? String == "-0.03" && sale["change"] as? String == "7.80")
            let again = try await tillCall(staff, .POST, sales, json: body)
            let replayed = try again.json()
            #expect(again.status == .ok && replayed["id"] as? String == sale["id"] as? String)
            #expect(try await MarketSale.query(on: world.app.db).count() == 1)
            #expect(try await InvoiceRecord.query(on: world.app.db).count() == 1)
            let recorded = try #require(try await MarketSale.query(on: world.app.db).first())
            let cashierID = try await User.query(on: world.app.db).filter(\.$email == "caja@bodega.pe").first()?.id
            #expect(recorded.userID == cashierID, "the sale is the cashier's")

            let short = try await tillCall(staff, .POST, sales, json: saleJSON("page-sale-0002", [(world.incaKola, "8")], cash: "20.00"))
            let shortJSON = try short.json()
            #expect(short.status == .conflict && shortJSON["code"] as? String == "out_of_stock" && shortJSON["available"] as? String == "7")
            let yape = #"{"client_id": "page-sale-0003", "lines": [{"product_id": "\#(world.arroz.uuidString)", "quantity": "1"}], "payments": [{"method": "yape", "amount": "4.20"}]}"#
            let refused = try await tillCall(staff, .POST, sales, json: yape)
            let refusedProblems = try problems(refused)
            #expect(refused.status == .unprocessableEntity && refusedProblems == ["/payments/0/reference required"])
            let garbage = try await tillCall(staff, .POST, sales, json: "{not json")
            #expect((400..<500).contains(garbage.status.code), "\(garbage.status)")
            #expect(try await MarketSale.query(on: world.app.db).count() == 1)

            // A long ticket is more than Vapor's default 16 kB body; the page takes it as the API does.
            let long = saleJSON("page-sale-long", Array(repeating: (world.arroz, "1"), count: 250), cash: "1050.00",
                                extra: #", "customer": {"dni": "45678912", "name": "Ana Pérez"}"#)  // a boleta over S/ 700 names its buyer
            #expect(long.utf8.count > 16_384)
            let big = try await tillCall(staff, .POST, sales, json: long, overHTTP: true)
            #expect(big.status == .created, "\(big.status) \(big.text.prefix(300))")
        }
    }

    /// The till opens with a float and closes with the cash counted, from the page.
    @Test func theShiftOpensAndClosesFromThePage() async throws {
        try await withMarket { world in
            let staff = try await cashier(world)
            let till = "/t/\(world.business.slug)/minimarket/till"
            #expect(try await tillCall(staff, .GET, "\(till)/register").status == .notFound)
            let opened = try await tillCall(staff, .POST, "\(till)/register/open", json: #"{"float": "100.00"}"#)
            #expect(opened.status == .created, "\(opened.text)")
            let page = try await staff.get("/t/\(world.business.slug)/minimarket")
            #expect(page.body.contains(#"id="till-shift" data-open="true""#) && page.body.contains("S/ 100.00"))
            _ = try await tillCall(staff, .POST, "\(till)/sales", json: saleJSON("shift-0001", [(world.arroz, "2")], cash: "8.40", tendered: "10"))
            let current = try await tillCall(staff, .GET, "\(till)/register")
            let currentJSON = try current.json()
            #expect(currentJSON["expected_cash"] as? String == "108.40")
            let closed = try await tillCall(staff, .POST, "\(till)/register/close", json: #"{"counted_cash": "108.00"}"#)
            let closedJSON = try closed.json()
            #expect(closed.status == .ok && closedJSON["difference"] as? String == "-0.40" && closedJSON["open"] as? Bool == false)
            #expect(try await tillCall(staff, .POST, "\(till)/register/close", json: #"{"counted_cash": "-1"}"#).status == .unprocessableEntity)
        }
    }
}
