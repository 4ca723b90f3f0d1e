import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/api/v1/minimarket`: products and their stock, sales (each with its comprobante), the till.
/// Money is a two-decimal string ("3.50") and quantities a decimal string ("0.250"), as in
/// the rest of the API; names are snake_case.
enum MarketAPI {
    static func routes(_ api: any RoutesBuilder) {
        api.get("products", use: listProducts)
        api.post("products", use: createProduct)
        api.get("products", ":product", use: showProduct)
        api.patch("products", ":product", use: updateProduct)
        api.post("products", ":product", "stock", use: adjustStock)
        api.get("products", ":product", "moves", use: moves)
        api.get("stock", "low", use: lowStock)
        // A sale of up to 300 lines is more than Vapor's default 16 kB body.
        api.on(.POST, "sales", body: .collect(maxSize: "1mb"), use: createSale)
        api.get("sales", use: listSales)
        api.get("sales", ":sale", use: showSale)
        api.get("register", use: currentRegister)
        api.post("register", "open", use: openRegister)
        api.post("register", "close", use: closeRegister)
    }

    // MARK: Products

    @Sendable static func listProducts(req: Request) async throws -> [ProductOut] {
        try req.require(MinimarketModule.sell)
        struct Query: Decodable { var q: String?; var barcode: String? }
        let query = try req.query.decode(Query.self)
        // An empty barcode counts as not given; a UPC-A code finds its stored EAN-13 form.
        let barcode = query.barcode.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : ((try? Barcode.validate($0)) ?? $0) }
        return try await ProductCatalog.search(query.q ?? "", barcode: barcode, scope: req.tenantScope, limit: 200).map(ProductOut.init)
    }

    @Sendable static func createProduct(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        let reader = try body(req)
        guard let values = ProductInput.read(reader, existing: nil) else { throw InputProblems(reader.log.problems) }
        do {
            let product = try await ProductCatalog.create(values, tenantID: req.tenantContext.tenantID, userID: req.currentUser?.id,
                                                          now: req.application.clock.now(), on: req.db)
            return try await ProductOut(product).encodeResponse(status: .created, for: req)
        } catch let duplicate as ProductCatalog.Duplicate {
            throw duplicateError(duplicate, req)
        }
    }

    @Sendable static func showProduct(req: Request) async throws -> ProductOut {
        try req.require(MinimarketModule.sell)
        return ProductOut(try await product(req))
    }

    @Sendable static func updateProduct(req: Request) async throws -> ProductOut {
        try req.require(MinimarketModule.manage)
        let product = try await product(req)
        let reader = try body(req)
        guard let values = ProductInput.read(reader, existing: ProductCatalog.values(of: product)) else { throw InputProblems(reader.log.problems) }
        do {
            try await ProductCatalog.update(product, with: values, now: req.application.clock.now(), on: req.db)
        } catch let duplicate as ProductCatalog.Duplicate {
            throw duplicateError(duplicate, req)
        }
        return ProductOut(product)
    }

    /// A counted correction (`adjustment`) or goods received (`receipt`), as a signed quantity.
    @Sendable static func adjustStock(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        let product = try await product(req)
        let reader = try body(req)
        let kind = reader.choice("kind", in: [StockMoveKind.adjustment.rawValue, StockMoveKind.receipt.rawValue], required: true)
            .flatMap(StockMoveKind.init(rawValue:))
        // Signed: a count that found fewer on the shelf is a negative adjustment.
        let delta = ProductInput.quantity(reader, "quantity", required: true, signed: true)
        let note = reader.string("note", maxLength: 200) ?? ""
        reader.finish()
        // Goods received are more than zero; a correction of zero changes nothing.
        if let delta, delta.milli <= 0, kind == .receipt || delta.isZero { reader.log.add(reader.path("quantity"), .positive) }
        try reader.log.throwIfAny()
        guard let kind, let delta else { throw InputProblems(reader.log.problems) }
        let tenantID = try req.tenantContext.tenantID
        let now = req.application.clock.now()
        do {
            _ = try await req.db.transaction { tx in
                try await StockLedger.move(try product.requireID(), by: delta.milli, kind: kind, tenantID: tenantID, userID: req.currentUser?.id,
                                           note: note, now: now, on: tx)
            }
        } catch let short as StockLedger.OutOfStock {
            return try outOfStock(short, req)
        }
        return try await ProductOut(try await self.product(req)).encodeResponse(status: .created, for: req)
    }

    @Sendable static func moves(req: Request) async throws -> [MoveOut] {
        try req.require(MinimarketModule.manage)
        let product = try await product(req)
        return try await req.tenantScope.query(MarketStockMove.self).filter(\.$productID == product.requireID())
            .sort(\.$createdAt, .descending).limit(500).all().map(MoveOut.init)
    }

    @Sendable static func lowStock(req: Request) async throws -> [ProductOut] {
        try req.require(MinimarketModule.sell)
        return try await ProductCatalog.low(scope: req.tenantScope).map(ProductOut.init)
    }

    // MARK: Sales

    /// 201 with the new sale; 200 with the sale already made when its `client_id` was seen
    /// before (a retry); 409 when a "block at zero" product has not enough stock.
    @Sendable static func createSale(req: Request) async throws -> Response {
        try req.require(MinimarketModule.sell)
        let context = try req.tenantContext
        let order = try await SaleInput.read(try body(req), tenantID: context.tenantID, on: req.db)
        do {
            var sandbox = false
            if case .apiKey(let key) = context.principal { sandbox = key.sandbox }
            let outcome = try await SaleDesk.record(order, tenant: context.tenant, userID: req.currentUser?.id, sandbox: sandbox,
                                                    app: req.application, on: req.db)
            return try await SaleOut.make(outcome.sale, req).encodeResponse(status: outcome.created ? .created : .ok, for: req)
        } catch let short as StockLedger.OutOfStock {
            return try outOfStock(short, req)
        }
    }

    @Sendable static func listSales(req: Request) async throws -> [SaleOut] {
        try req.require(MinimarketModule.sell)
        let sales = try await req.tenantScope.query(MarketSale.self).sort(\.$createdAt, .descending).limit(100).all()
        var out: [SaleOut] = []
        for sale in sales { out.append(try await SaleOut.make(sale, req)) }
        return out
    }

    @Sendable static func showSale(req: Request) async throws -> SaleOut {
        try req.require(MinimarketModule.sell)
        let sale = try await req.tenantScope.require(MarketSale.self, req.parameters.get("sale", as: UUID.self))
        return try await SaleOut.make(sale, req)
    }

    // MARK: Till

    @Sendable static func currentRegister(req: Request) async throws -> RegisterOut {
        try req.require(MinimarketModule.sell)
        guard let register = try await CashRegister.open(try req.tenantContext.tenantID, on: req.db) else {
            throw APIError(.notFound, code: "register_closed", message: req.t("market.error.register_closed"))
        }
        return try await RegisterOut.make(register, req)
    }

    @Sendable static func openRegister(req: Request) async throws -> Response {
        try req.require(MinimarketModule.sell)
        let reader = try body(req)
        let float = ProductInput.money(reader, "float", required: true, positive: false)
        reader.finish()
        try reader.log.throwIfAny()
        let user = try await actor(req)
        guard let float, let user else { throw InputProblems(reader.log.problems) }
        do {
            let register = try await CashRegister.open(try req.tenantContext.tenantID, float: float, by: user, now: req.application.clock.now(), on: req.db)
            return try await RegisterOut.make(register, req).encodeResponse(status: .created, for: req)
        } catch is CashRegister.AlreadyOpen {
            throw APIError(.conflict, code: "register_open", message: req.t("market.error.register_open"))
        }
    }

    @Sendable static func closeRegister(req: Request) async throws -> RegisterOut {
        try req.require(MinimarketModule.sell)
        let reader = try body(req)
        let counted = ProductInput.money(reader, "counted_cash", required: true, positive: false)
        reader.finish()
        try reader.log.throwIfAny()
        let user = try await actor(req)
        guard let counted, let user else { throw InputProblems(reader.log.problems) }
        do {
            let register = try await CashRegister.close(try req.tenantContext.tenantID, counted: counted, by: user,
                                                        now: req.application.clock.now(), on: req.db)
            return try await RegisterOut.make(register, req)
        } catch is CashRegister.NotOpen {
            throw APIError(.conflict, code: "register_closed", message: req.t("market.error.register_closed"))
        }
    }

    // MARK: Parts

    /// Who a till action is recorded as: the signed-in user, or for an API key the business's
    /// first owner.
    static func actor(_ req: Request) async throws -> UUID? {
        if let user = req.currentUser?.id { return user }
        return try await TenantMember.query(on: req.db).filter(\.$tenant.$id == req.tenantContext.tenantID).filter(\.$role == .owner)
            .sort(\.$createdAt).first()?.$user.id
    }

    static func body(_ req: Request) throws -> JSONObjectReader {
        let data = req.body.data.map { Data(buffer: $0) } ?? Data("{}".utf8)
        return JSONObjectReader(try JSONValue.parse(data.isEmpty ? Data("{}".utf8) : data))
    }

    static func product(_ req: Request) async throws -> MarketProduct {
        try await req.tenantScope.require(MarketProduct.self, req.parameters.get("product", as: UUID.self))
    }

    static func duplicateError(_ duplicate: ProductCatalog.Duplicate, _ req: Request) -> APIError {
        APIError(.conflict, code: "duplicate_\(duplicate.field)", message: req.t("market.error.duplicate_\(duplicate.field)"))
    }

    /// 409 naming the product and what is left.
    static func outOfStock(_ short: StockLedger.OutOfStock, _ req: Request) throws -> Response {
        struct Body: Content { let error: String; let code: String; let product_id: UUID; let available: String }
        let message = req.t("market.error.out_of_stock").replacingOccurrences(of: "{name}", with: short.name)
            .replacingOccurrences(of: "{available}", with: Quantity(milli: short.available).text)
        let response = Response(status: .conflict)
        try response.content.encode(Body(error: message, code: "out_of_stock", product_id: short.productID,
                                         available: Quantity(milli: short.available).text), as: .json)
        return response
    }
}
