import Core
import Fluent
import Foundation
import Shared
import Vapor

/// One product's page: its form, its stock (receive goods, or set what was counted) and its
/// ledger, newest first, so any stock figure can be explained.
extension ProductPages {
    struct Option: Encodable { let value: String; let label: String; let selected: Bool }

    struct MoveRow: Encodable {
        let date: String
        let kind: String
        let quantity: String
        let after: String
        let note: String
    }

    struct ProductPage: Encodable {
        let id: String?
        let form: Form
        let units: [Option]
        let taxes: [Option]
        let stock: String?
        let moves: [MoveRow]
        let errors: [String: String]
        let notice: String?
    }

    @Sendable static func new(req: Request) async throws -> View {
        try req.require(MinimarketModule.manage)
        return try await render(req, nil, form: Form())
    }

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(MinimarketModule.manage)
        let product = try await product(req)
        return try await render(req, product, form: form(of: product))
    }

    static func render(_ req: Request, _ product: MarketProduct?, form: Form, errors: [String: String] = [:]) async throws -> View {
        var moves: [MarketStockMove] = []
        if let id = product?.id {
            moves = try await req.tenantScope.query(MarketStockMove.self).filter(\.$productID == id).sort(\.$createdAt, .descending).limit(100).all()
        }
        let unit = product?.unitOfMeasure ?? .unit
        let page = ProductPage(
            id: product?.id?.uuidString.lowercased(), form: form,
            units: [("unit", "market.unit.unit"), ("kg", "market.unit.kg")].map { Option(value: $0.0, label: req.t($0.1), selected: (form.unit ?? "unit") == $0.0) },
            taxes: ProductInput.taxes.map { Option(value: $0, label: req.t("market.tax.\($0)"), selected: (form.tax ?? "gravado") == $0) },
            stock: product.map { $0.stock.formatted(unit) },
            moves: moves.map { move in
                MoveRow(date: "\(LimaDate(move.createdAt).formatted) \(LimaTime(move.createdAt).clock)", kind: req.t("market.move.\(move.kind.rawValue)"),
                        quantity: (move.deltaMilli > 0 ? "+" : "") + Quantity(milli: move.deltaMilli).formatted(unit),
                        after: Quantity(milli: move.stockAfterMilli).formatted(unit), note: move.note)
            },
            errors: errors, notice: req.query[String.self, at: "saved"] != nil ? req.t("market.products.saved") : nil)
        return try await req.renderPage("minimarket/product", page, title: product?.name ?? req.t("market.products.new"), forms: true)
    }

    static func form(of product: MarketProduct) -> Form {
        Form(name: product.name, sku: product.sku, barcode: product.barcode, category: product.category,
             unit: product.unitOfMeasure == .kilogram ? "kg" : "unit", price: product.price.decimalText, tax: product.tax,
             cost: product.costCents.map { Money(cents: $0).decimalText }, stock: nil, low_stock: Quantity(milli: product.lowStockMilli).text,
             allow_negative: product.allowNegative ? "on" : nil, active: product.active ? "on" : nil)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        let form = try req.content.decode(Form.self)
        do {
            let reader = JSONObjectReader(form.json(creating: true))
            guard let values = ProductInput.read(reader, existing: nil) else { throw InputProblems(reader.log.problems) }
            let product = try await ProductCatalog.create(values, tenantID: req.tenantContext.tenantID, userID: req.currentUser?.id,
                                                          now: req.application.clock.now(), on: req.db)
            return req.redirect(to: "\(try base(req))/\(product.id!.uuidString.lowercased())?saved=1")
        } catch {
            return try await refused(error, req, nil, form)
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        let product = try await product(req)
        let form = try req.content.decode(Form.self)
        do {
            let reader = JSONObjectReader(form.json(creating: false))
            guard let values = ProductInput.read(reader, existing: ProductCatalog.values(of: product)) else { throw InputProblems(reader.log.problems) }
            try await ProductCatalog.update(product, with: values, now: req.application.clock.now(), on: req.db)
            return req.redirect(to: "\(try base(req))/\(product.id!.uuidString.lowercased())?saved=1")
        } catch {
            return try await refused(error, req, product, form)
        }
    }

    /// The form again with each problem next to its field: 422 for bad values, 409 for a
    /// barcode or SKU another product has.
    static func refused(_ error: any Error, _ req: Request, _ product: MarketProduct?, _ form: Form) async throws -> Response {
        switch error {
        case let problems as InputProblems:
            let errors = Dictionary(problems.fields(in: req.language).map { (String($0.key.dropFirst()), $0.value) }, uniquingKeysWith: { a, _ in a })
            return try await render(req, product, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case let duplicate as ProductCatalog.Duplicate:
            return try await render(req, product, form: form, errors: [duplicate.field: req.t("market.error.duplicate_\(duplicate.field)")])
                .encodeResponse(status: .conflict, for: req)
        default:
            throw error
        }
    }

    /// Goods received (`receipt`: add) or a shelf count (`count`: the stock becomes what was
    /// counted; sales made meanwhile still count, since only the difference is applied).
    @Sendable static func adjust(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        let product = try await product(req)
        struct StockForm: Content { var kind: String?; var quantity: String?; var note: String? }
        let input = try req.content.decode(StockForm.self)
        let kind = input.kind == "receipt" ? StockMoveKind.receipt : .adjustment
        guard let quantity = try? Quantity.parse((input.quantity ?? "").replacingOccurrences(of: ",", with: "."), allowZero: kind == .adjustment),
              product.unitOfMeasure == .kilogram || quantity.isWhole else {
            return try await render(req, product, form: form(of: product), errors: ["quantity": req.t("market.error.quantity")])
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let tenantID = try req.tenantContext.tenantID
        let now = req.application.clock.now()
        try await req.db.transaction { tx in
            // A write first: on SQLite it takes the lock, so the count read next is not stale.
            product.updatedAt = now
            try await product.save(on: tx)
            let current = try await TenantScope(tenantID: tenantID, db: tx).require(MarketProduct.self, product.id).stockMilli
            let delta = kind == .receipt ? quantity.milli : quantity.milli - current
            guard delta != 0 else { return }
            try await StockLedger.move(try product.requireID(), by: delta, kind: kind, tenantID: tenantID, userID: req.currentUser?.id,
                                       note: input.note?.trimmingCharacters(in: .whitespaces) ?? "", now: now, on: tx)
        }
        return req.redirect(to: "\(try base(req))/\(product.id!.uuidString.lowercased())?saved=1")
    }

    static func product(_ req: Request) async throws -> MarketProduct {
        try await req.tenantScope.require(MarketProduct.self, req.parameters.get("product", as: UUID.self))
    }
}
