import Vapor

enum AgendaPages {
    static func routes(_ routes: any RoutesBuilder) {}
}
