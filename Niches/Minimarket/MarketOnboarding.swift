import Core
import Fluent
import Foundation

/// The steps the minimarket adds to the set-up wizard, each done when the data it asks for
/// exists, wherever the owner did it.
enum MarketOnboarding {
    static var steps: [OnboardingStep] {
        [OnboardingStep.scoped("market-products", es: ("Tus productos", "Sube tu lista en Excel (CSV): la revisamos fila por fila antes de guardar."),
              en: ("Your products", "Upload your list from Excel (CSV): it is checked row by row before saving."),
              path: "products/import") { scope in try await scope.query(MarketProduct.self).count() > 0 },
         OnboardingStep.scoped("market-stock", es: ("Stock inicial", "Cuánto tienes de cada producto y si se puede vender sin stock."),
              en: ("Opening stock", "How much of each product you have, and whether it may sell past zero."),
              path: "products") { scope in try await scope.query(MarketStockMove.self).count() > 0 },
         // The team page is the platform's, one level up from the module's pages.
         OnboardingStep.scoped("market-cashiers", es: ("Tus cajeros", "Invita a quien atiende la caja (rol personal)."),
              en: ("Your cashiers", "Invite whoever works the till (staff role)."),
              path: "../team") { scope in
                  try await TenantMember.query(on: scope.db).filter(\.$tenant.$id == scope.tenantID).filter(\.$role == .staff).count() > 0
              },
         OnboardingStep.scoped("market-test-sale", es: ("Una venta de prueba", "Abre la caja y vende algo: verás la boleta (de prueba) al instante."),
              en: ("A test sale", "Open the till and sell something: the (sandbox) boleta appears at once."),
              path: "") { scope in try await scope.query(MarketSale.self).count() > 0 }]
    }
}
