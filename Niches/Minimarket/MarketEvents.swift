import Core
import Foundation

/// A completed sale, for workflows (n8n): what sold, how it was paid, its comprobante.
struct SaleCompleted: DomainEvent {
    static let eventType = EventType("sale.completed", .init(es: "Venta completada en caja", en: "Sale completed at the till"))

    struct Line: Codable, Sendable {
        let productID: UUID
        let name: String
        let quantity: String
        let totalCents: Int64
    }

    struct Payment: Codable, Sendable {
        let method: String
        let amountCents: Int64
    }

    let saleID: UUID
    let clientID: String
    let totalCents: Int64
    let roundingCents: Int64
    let currency: String
    let lines: [Line]
    let payments: [Payment]
    let documentID: UUID?
}

/// A product's stock fell to (or below) its threshold with this change: time to reorder.
/// Sent once per crossing, not again for every later sale while it stays low.
struct StockLow: DomainEvent {
    static let eventType = EventType("stock.low", .init(es: "Stock bajo de un producto", en: "A product's stock is low"))

    let productID: UUID
    let name: String
    let barcode: String?
    let stock: String
    let threshold: String
}

enum MarketEvents {
    static let types = [SaleCompleted.eventType, StockLow.eventType]
}
