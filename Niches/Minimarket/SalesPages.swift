import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/minimarket/sales`: a day's sales, who sold each, how it was paid and its
/// comprobante; the owner gives a sale back (stock and a credit note).
enum SalesPages {
    static func routes(_ pages: any RoutesBuilder) {
        let sales = pages.grouped("sales")
        sales.get(use: list)
        sales.post(":sale", "return", use: giveBack)
    }

    struct Row: Encodable {
        let id: String
        let time: String
        let seller: String
        let items: String
        let total: String
        let methods: String
        let state: String
        let stateText: String
        let documentHref: String?
        let creditHref: String?
    }

    struct Page: Encodable {
        let date: String
        let previous: String
        let next: String
        let rows: [Row]
        let total: String
        let canReturn: Bool
        let notice: String?
    }

    @Sendable static func list(req: Request) async throws -> View {
        try req.require(MinimarketModule.sell)
        let date = req.query[String.self, at: "date"].flatMap(LimaDate.parse) ?? LimaDate(req.application.clock.now())
        return try await render(req, date: date, notice: nil)
    }

    static func render(_ req: Request, date: LimaDate, notice: String?) async throws -> View {
        let scope = try req.tenantScope
        let sales = try await scope.query(MarketSale.self)
            .filter(\.$createdAt >= LimaTime(date, minuteOfDay: 0).instant).filter(\.$createdAt < LimaTime(date.adding(days: 1), minuteOfDay: 0).instant)
            .sort(\.$createdAt, .descending).all()
        let ids = sales.compactMap(\.id)
        let lines = ids.isEmpty ? [] : try await scope.query(MarketSaleLine.self).filter(\.$saleID ~~ ids).all()
        let payments = ids.isEmpty ? [] : try await scope.query(MarketSalePayment.self).filter(\.$saleID ~~ ids).all()
        let sellers = try await User.query(on: req.db).filter(\.$id ~~ Set(sales.compactMap(\.userID))).all()
        let slug = try req.tenantContext.tenant.slug
        let documentHref = { (id: UUID?) in id.map { "/t/\(slug)/invoices/\($0.uuidString.lowercased())" } }
        let rows = sales.map { sale in
            Row(id: sale.id!.uuidString.lowercased(), time: LimaTime(sale.createdAt).clock,
                seller: sellers.first { $0.id == sale.userID }?.name ?? "API",
                items: lines.filter { $0.saleID == sale.id }.map { "\($0.name) × \(Quantity(milli: $0.quantityMilli).text)" }.joined(separator: ", "),
                total: sale.due.formatted,
                methods: payments.filter { $0.saleID == sale.id }.map { req.language == .en ? (PaymentMethod(rawValue: $0.method)?.nameEn ?? $0.method)
                    : (PaymentMethod(rawValue: $0.method)?.name ?? $0.method) }.joined(separator: " + "),
                state: sale.state.rawValue, stateText: req.t("market.sale.\(sale.state.rawValue)"),
                documentHref: documentHref(sale.documentID), creditHref: documentHref(sale.creditDocumentID))
        }
        let takings = sales.filter { $0.state == .completed }.reduce(Money.zero()) { $0 + $1.due }
        let page = Page(date: date.iso, previous: date.adding(days: -1).iso, next: date.adding(days: 1).iso, rows: rows, total: takings.formatted,
                        canReturn: (try? req.require(MinimarketModule.manage)) != nil, notice: notice)
        return try await req.renderPage("minimarket/sales", page, title: req.t("market.sales.title"), forms: true)
    }

    @Sendable static func giveBack(req: Request) async throws -> Response {
        try req.require(MinimarketModule.manage)
        let sale = try await req.tenantScope.require(MarketSale.self, req.parameters.get("sale", as: UUID.self))
        struct Form: Content { var reason: String? }
        let reason = try req.content.decode(Form.self).reason?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !reason.isEmpty else { throw FieldErrors(["reason": req.t("field.required")]) }
        do {
            _ = try await SaleReturns.returnWhole(sale, reason: reason, tenant: req.tenantContext.tenant, userID: req.currentUser?.id,
                                                  app: req.application, on: req.db)
        } catch is SaleReturns.AlreadyReturned {
            return try await render(req, date: LimaDate(sale.createdAt), notice: req.t("market.sales.already_returned"))
                .encodeResponse(status: .conflict, for: req)
        }
        return try await render(req, date: LimaDate(sale.createdAt), notice: req.t("market.sales.returned")).encodeResponse(for: req)
    }
}
