import Core
import Minimarket
import Salon

/// The composition root of the niches: adding one is a new folder under `Niches/` plus one
/// line here.
enum NicheCatalog {
    static let all: [any NicheModule] = [MinimarketModule(), SalonModule()]
}
