import Core
import Fluent
import Foundation
import Vapor

/// The minimarket niche: products and stock, the point of sale with a boleta or factura per
/// sale, the cash register, stock movements and returns.
public struct MinimarketModule: NicheModule {
    public let id = "minimarket"
    public let name = LocalizedText(es: "Minimarket y bodega", en: "Minimarket and corner shop")
    public let summary = LocalizedText(es: "Caja con boleta por venta, productos, stock y cierre de caja",
                                       en: "Point of sale with a receipt per sale, products, stock and till closing")
    public let version = "1.0.0"

    public init() {}

    public var migrations: [any Migration] { [CreateMinimarketTables()] }

    static let sell = Permission("minimarket.sell", LocalizedText(es: "Vender en caja y abrir o cerrar la caja", en: "Sell at the till and open or close it"),
                                 roles: [.owner, .staff])
    static let manage = Permission("minimarket.manage", LocalizedText(es: "Productos, precios, stock e importaciones",
                                                                      en: "Products, prices, stock and imports"), roles: [.owner])

    public var permissions: [Permission] { [Self.sell, Self.manage] }
    public var eventTypes: [EventType] { MarketEvents.types }
    public var onboardingSteps: [OnboardingStep] { MarketOnboarding.steps }
    public var sampleData: SampleData? { MarketSamples.data }
    public var reportSections: [ReportSection] { MarketReports.sections }

    public var navigation: [NavigationItem] {
        [NavigationItem(LocalizedText(es: "Caja", en: "Till"), permission: Self.sell.id),
         NavigationItem(LocalizedText(es: "Ventas", en: "Sales"), path: "sales", permission: Self.sell.id),
         NavigationItem(LocalizedText(es: "Productos", en: "Products"), path: "products", permission: Self.manage.id),
         NavigationItem(LocalizedText(es: "Stock bajo", en: "Low stock"), path: "products?low=1", permission: Self.manage.id)]
    }

    public func routes(_ routes: ModuleRoutes) throws {
        Self.registerStrings()
        MarketAPI.routes(routes.api)
        TillPage.routes(routes.pages)
        ProductPages.routes(routes.pages)
        ProductImportPages.routes(routes.pages)
        SalesPages.routes(routes.pages)
    }

    /// The module's texts, for its pages (and for tests that check every view's keys).
    public static func registerStrings() {
        Strings.add(es: MarketStrings.spanish, en: MarketStrings.english)
        Strings.add(es: TillStrings.spanish, en: TillStrings.english)
        Strings.add(es: ProductStrings.spanish, en: ProductStrings.english)
    }
}
