import Vapor

enum CatalogPages {
    static func routes(_ routes: any RoutesBuilder) {}
}
