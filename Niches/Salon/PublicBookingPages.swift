import Vapor

enum PublicBookingPages {
    static func routes(_ routes: any RoutesBuilder) {}
}
