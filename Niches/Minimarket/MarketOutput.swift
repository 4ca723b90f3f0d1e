import Core
import Fluent
import Foundation
import Invoicing
import Shared
import Vapor

/// A product as the API shows it.
struct ProductOut: Content {
    let id: UUID
    let name: String
    let sku: String?
    let barcode: String?
    let category: String
    let unit: String
    let price: String
    let tax: String
    let cost: String?
    let stock: String
    let low_stock: String
    let allow_negative: Bool
    let active: Bool

    init(_ product: MarketProduct) {
        (id, name, sku, barcode, category) = (product.id!, product.name, product.sku, product.barcode, product.category)
        (unit, price, tax) = (product.unitOfMeasure == .kilogram ? "kg" : "unit", product.price.decimalText, product.tax)
        (cost, stock, low_stock) = (product.costCents.map { Money(cents: $0).decimalText }, product.stock.text, Quantity(milli: product.lowStockMilli).text)
        (allow_negative, active) = (product.allowNegative, product.active)
    }
}

/// One line of a product's stock ledger.
struct MoveOut: Content {
    let id: UUID
    let kind: String
    let quantity: String
    let stock_after: String
    let sale_id: UUID?
    let note: String
    let created_at: Date

    init(_ move: MarketStockMove) {
        (id, kind, quantity, stock_after) = (move.id!, move.kind.rawValue, Quantity(milli: move.deltaMilli).text, Quantity(milli: move.stockAfterMilli).text)
        (sale_id, note, created_at) = (move.saleID, move.note, move.createdAt)
    }
}

/// A sale with its lines, payments and comprobante.
struct SaleOut: Content {
    struct Line: Content {
        let product_id: UUID
        let name: String
        let quantity: String
        let unit_price: String
        let discount: String
        let total: String
    }

    struct Payment: Content {
        let method: String
        let amount: String
        let tendered: String?
        let reference: String?
    }

    struct Document: Content {
        let id: UUID
        let full_number: String
        let status: String
        let pdf: String
        let ticket: String
    }

    let id: UUID
    let client_id: String
    let state: String
    let total: String
    let rounding: String
    let due: String
    let change: String
    let customer_name: String
    let lines: [Line]
    let payments: [Payment]
    let document: Document?
    let created_at: Date

    static func make(_ sale: MarketSale, _ req: Request) async throws -> SaleOut {
        let scope = try req.tenantScope
        let id = try sale.requireID()
        let lines = try await scope.query(MarketSaleLine.self).filter(\.$saleID == id).all()
        let payments = try await scope.query(MarketSalePayment.self).filter(\.$saleID == id).all()
        var document: Document?
        if let documentID = sale.documentID, let record = try await InvoiceRecord.find(documentID, on: req.db) {
            let base = "\(req.application.config.baseURL)/d/\(record.publicToken)"
            document = Document(id: documentID, full_number: record.fullNumber ?? "", status: record.status.rawValue, pdf: "\(base)/pdf",
                                ticket: "\(base)/pdf?format=ticket")
        }
        return SaleOut(
            id: id, client_id: sale.clientID, state: sale.state.rawValue, total: sale.total.decimalText,
            rounding: Money(cents: sale.roundingCents).decimalText, due: sale.due.decimalText, change: Money(cents: sale.changeCents).decimalText,
            customer_name: sale.customerName,
            lines: lines.map { .init(product_id: $0.productID, name: $0.name, quantity: Quantity(milli: $0.quantityMilli).text,
                                     unit_price: Money(cents: $0.unitPriceCents).decimalText, discount: Money(cents: $0.discountCents).decimalText,
                                     total: Money(cents: $0.totalCents).decimalText) },
            payments: payments.map { .init(method: $0.method, amount: Money(cents: $0.amountCents).decimalText,
                                           tendered: $0.tenderedCents.map { Money(cents: $0).decimalText }, reference: $0.reference) },
            document: document, created_at: sale.createdAt)
    }
}

/// The till's shift, with what each method took so far (or at closing).
struct RegisterOut: Content {
    let id: UUID
    let open: Bool
    let opened_at: Date
    let float: String
    let takings: [String: String]
    let expected_cash: String?
    let counted_cash: String?
    let difference: String?
    let closed_at: Date?

    static func make(_ register: MarketRegister, _ req: Request) async throws -> RegisterOut {
        // A closed till shows what was kept at closing; an open one, its sales so far.
        var takings = register.closingTotals ?? [:]
        if register.closingTotals == nil { takings = try await CashRegister.takings(register, on: req.db) }
        let expected = register.expectedCents ?? register.floatCents + (takings[.cash]?.cents ?? 0)
        return RegisterOut(
            id: try register.requireID(), open: register.closedAt == nil, opened_at: register.openedAt,
            float: Money(cents: register.floatCents).decimalText,
            takings: Dictionary(uniqueKeysWithValues: takings.map { ($0.key.rawValue, $0.value.decimalText) }),
            expected_cash: Money(cents: expected).decimalText, counted_cash: register.countedCents.map { Money(cents: $0).decimalText },
            difference: register.countedCents.map { Money(cents: $0 - expected).decimalText }, closed_at: register.closedAt)
    }
}
