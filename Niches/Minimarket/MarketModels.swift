import Core
import Fluent
import Foundation
import Shared

/// A product on the shelf. Prices include IGV; stock is kept in thousandths so that goods
/// sold by the kilo (0.250 kg of cheese) and by the unit share one column.
final class MarketProduct: TenantOwned, @unchecked Sendable {
    static let schema = "minimarket_products"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "sku") var sku: String?
    @OptionalField(key: "barcode") var barcode: String?
    @Field(key: "category") var category: String
    /// Name, SKU, barcode and category folded (`SearchText`), so "inca" finds "Inca Kola".
    @Field(key: "search_text") var searchText: String
    /// SUNAT's unit: `NIU` (unit) or `KGM` (kilogram).
    @Field(key: "unit") var unit: String
    @Field(key: "price_cents") var priceCents: Int64
    /// `gravado`, `exonerado` or `inafecto` (IGV affectation 10, 20, 30).
    @Field(key: "tax") var tax: String
    @OptionalField(key: "cost_cents") var costCents: Int64?
    @Field(key: "stock_milli") var stockMilli: Int64
    @Field(key: "low_stock_milli") var lowStockMilli: Int64
    /// Sell past zero (the shelf count is behind) or refuse the last sale with 409.
    @Field(key: "allow_negative") var allowNegative: Bool
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var price: Money { Money(cents: priceCents) }
    var unitOfMeasure: UnitOfMeasure { UnitOfMeasure(rawValue: unit) ?? .unit }
    var affectation: IGVAffectation { IGVAffectation(text: tax) ?? .gravado }
    var stock: Quantity { Quantity(milli: stockMilli) }
}

/// Why stock changed; every change is one row, so any stock figure can be explained.
enum StockMoveKind: String, Codable, Sendable, CaseIterable {
    case opening, sale, `return`, adjustment, receipt
}

final class MarketStockMove: TenantOwned, @unchecked Sendable {
    static let schema = "minimarket_stock_moves"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "product_id") var productID: UUID
    @Enum(key: "kind") var kind: StockMoveKind
    @Field(key: "delta_milli") var deltaMilli: Int64
    @Field(key: "stock_after_milli") var stockAfterMilli: Int64
    @OptionalField(key: "sale_id") var saleID: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

enum SaleState: String, Codable, Sendable {
    case completed
    /// Given back in full; its credit note is `credit_document_id`.
    case returned
}

/// One sale at the counter, with its comprobante. `client_id` is made by the till, so a
/// retried or double-clicked submit finds the sale already made instead of making two.
final class MarketSale: TenantOwned, @unchecked Sendable {
    static let schema = "minimarket_sales"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "client_id") var clientID: String
    @Enum(key: "state") var state: SaleState
    @OptionalField(key: "register_id") var registerID: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "customer_name") var customerName: String
    @OptionalField(key: "customer_document") var customerDocument: String?
    @OptionalField(key: "customer_email") var customerEmail: String?
    @Field(key: "total_cents") var totalCents: Int64
    /// Cash rounding in the customer's favour (zero or negative), its own line on the ticket.
    @Field(key: "rounding_cents") var roundingCents: Int64
    @Field(key: "change_cents") var changeCents: Int64
    @OptionalField(key: "document_id") var documentID: UUID?
    @OptionalField(key: "credit_document_id") var creditDocumentID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var total: Money { Money(cents: totalCents) }
    var due: Money { Money(cents: totalCents + roundingCents) }
}

final class MarketSaleLine: TenantOwned, @unchecked Sendable {
    static let schema = "minimarket_sale_lines"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "sale_id") var saleID: UUID
    @Field(key: "product_id") var productID: UUID
    @Field(key: "name") var name: String
    @Field(key: "unit") var unit: String
    @Field(key: "quantity_milli") var quantityMilli: Int64
    @Field(key: "unit_price_cents") var unitPriceCents: Int64
    @Field(key: "discount_cents") var discountCents: Int64
    @Field(key: "total_cents") var totalCents: Int64
    @Field(key: "tax") var tax: String

    init() {}
}

/// How a sale was paid: cash (with what was handed over and the change), Yape, Plin, card.
final class MarketSalePayment: TenantOwned, @unchecked Sendable {
    static let schema = "minimarket_sale_payments"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "sale_id") var saleID: UUID
    @Field(key: "method") var method: String
    @Field(key: "amount_cents") var amountCents: Int64
    @OptionalField(key: "tendered_cents") var tenderedCents: Int64?
    @OptionalField(key: "reference") var reference: String?

    init() {}
}

/// A till's shift: opened with a float, closed with the cash counted. Expected amounts are
/// computed from its sales when it closes and kept, so later corrections do not rewrite it.
final class MarketRegister: TenantOwned, @unchecked Sendable {
    static let schema = "minimarket_registers"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "opened_by") var openedBy: UUID
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "float_cents") var floatCents: Int64
    @OptionalField(key: "closed_by") var closedBy: UUID?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "counted_cents") var countedCents: Int64?
    @OptionalField(key: "expected_cents") var expectedCents: Int64?
    /// Totals by payment method at closing, as JSON `{"cash": 1234, "yape": ...}`.
    @Field(key: "totals") var totalsJSON: String

    init() {}

    /// What each method took, as kept at closing; nil while the till is open.
    var closingTotals: [PaymentMethod: Money]? {
        guard closedAt != nil, let cents = try? JSONDecoder().decode([String: Int64].self, from: Data(totalsJSON.utf8)) else { return nil }
        return Dictionary(uniqueKeysWithValues: cents.compactMap { key, value in PaymentMethod(rawValue: key).map { ($0, Money(cents: value)) } })
    }
}
