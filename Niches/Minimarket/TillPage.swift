import Core
import Foundation
import Shared
import Vapor

/// `/t/{tenant}/minimarket`: the point of sale. The page is a shell for `Public/js/till.js`,
/// which rings the sale up in the browser and talks JSON to the routes under `till/`, signed
/// in by the session and guarded by the CSRF header. Selling and the till's shift go through
/// the API's own handlers, so the page and `/api/v1/minimarket` answer alike (201, 200 for a
/// retried sale, 409 out of stock, 422 with a pointer per problem).
enum TillPage {
    static func routes(_ pages: any RoutesBuilder) {
        pages.get(use: show)
        let till = pages.grouped("till")
        till.get("products", use: TillLookup.find)
        // As the API's route: a sale of up to 300 lines is more than Vapor's default 16 kB body.
        till.on(.POST, "sales", body: .collect(maxSize: "1mb"), use: MarketAPI.createSale)
        till.get("register", use: MarketAPI.currentRegister)
        till.post("register", "open", use: MarketAPI.openRegister)
        till.post("register", "close", use: MarketAPI.closeRegister)
    }

    /// The shift the page opens with; the script asks for fresh takings when closing.
    struct Shift: Encodable {
        let since: String
        let float: String
    }

    struct Page: Encodable {
        let base: String
        let shift: Shift?
    }

    @Sendable static func show(req: Request) async throws -> View {
        try req.require(MinimarketModule.sell)
        let context = try req.tenantContext
        let shift = try await CashRegister.open(context.tenantID, on: req.db).map {
            Shift(since: LimaCalendar.formatDateTime($0.openedAt), float: Money(cents: $0.floatCents).formatted)
        }
        let page = Page(base: "/t/\(context.tenant.slug)/minimarket", shift: shift)
        return try await req.renderPage("minimarket/till", page, title: req.t("till.title"), forms: true)
    }
}
