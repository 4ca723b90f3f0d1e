import Core
import Fluent
import Foundation
import Invoicing
import Shared
import Vapor

/// Recording a sale: the stock of each line, the payments and the comprobante in one
/// transaction, so a sale is all there or not at all, and its boleta number is never skipped.
enum SaleDesk {
    /// The sale, and whether this call made it (false: the till's id was already used).
    struct Outcome {
        let sale: MarketSale
        let created: Bool
    }

    /// `sandbox`: made with a sandbox API key, so its comprobante is a sandbox one.
    static func record(_ order: SaleOrder, tenant: Tenant, userID: UUID?, sandbox: Bool = false, app: Application,
                       on db: any Database) async throws -> Outcome {
        let tenantID = try tenant.requireID()
        if let existing = try await find(order.clientID, tenantID: tenantID, on: db) { return Outcome(sale: existing, created: false) }
        let products = try await lineProducts(order, tenantID: tenantID, on: db)
        let (totals, settlement) = try settle(order, products)
        let prepared = try await InternalIssuing.prepare(
            from: tenant, toRUC: order.customer.ruc, dni: order.customer.dni, name: order.customer.name ?? "Clientes varios",
            email: order.customer.email, items: invoiceItems(order, products, totals), app: app, source: "pos", sandbox: sandbox,
            paymentMethod: order.paymentMethod, issuedBy: userID, on: db)
        let register = try await CashRegister.open(tenantID, on: db)
        let now = app.clock.now()
        do {
            let sale = try await db.transaction { tx in
                // The sale row first: its unique till id is the first write (SQLite's lock), and a
                // concurrent retry of the same sale fails here before touching any stock.
                let sale = MarketSale()
                (sale.tenantID, sale.clientID, sale.state, sale.registerID, sale.userID) = (tenantID, order.clientID, .completed, register?.id, userID)
                (sale.customerName, sale.customerEmail) = (order.customer.name ?? "Clientes varios", order.customer.email)
                sale.customerDocument = order.customer.ruc ?? order.customer.dni
                (sale.totalCents, sale.roundingCents, sale.changeCents) = (totals.total.cents, settlement.rounding.cents, settlement.change.cents)
                sale.createdAt = now
                try await sale.create(on: tx)
                let saleID = try sale.requireID()
                // Stock in product-id order: two sales of the same products lock their rows in the
                // same order, so they queue instead of deadlocking.
                for line in order.lines.sorted(by: { $0.productID.uuidString < $1.productID.uuidString }) {
                    try await StockLedger.move(line.productID, by: -line.quantity.milli, kind: .sale, tenantID: tenantID, saleID: saleID,
                                               userID: userID, now: now, on: tx)
                }
                for (line, (product, amounts)) in zip(order.lines, zip(products, totals.lines)) {
                    try await saleLine(line, product, amounts, saleID: saleID, tenantID: tenantID).create(on: tx)
                }
                for payment in payments(order, settlement, saleID: saleID, tenantID: tenantID) { try await payment.create(on: tx) }
                sale.documentID = try await prepared.issue(on: tx)
                try await sale.save(on: tx)
                try await DomainEvents.emit(completed(sale, order, products, totals, settlement), tenantID: tenantID, at: now, on: tx)
                return sale
            }
            return Outcome(sale: sale, created: true)
        } catch {
            // Two submits of one sale raced: the other one made it.
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                  let existing = try await find(order.clientID, tenantID: tenantID, on: db) else { throw error }
            return Outcome(sale: existing, created: false)
        }
    }

    /// The sale's amounts and how its payments settle them; a bad line or short payment is a
    /// 422 naming the line or the payments.
    static func settle(_ order: SaleOrder, _ products: [MarketProduct]) throws -> (SaleTotals, Settlement) {
        let totals: SaleTotals
        do {
            totals = try SaleMath.totals(of: zip(order.lines, products).map { line, product in
                SaleLineInput(unitPrice: product.price, quantity: line.quantity, discount: line.discount, affectation: product.affectation)
            })
        } catch {
            let line = switch error {
            case .quantityNotPositive(let line), .negativePrice(let line), .negativeDiscount(let line), .discountExceedsAmount(let line, _, _): line
            }
            throw InputProblems([InputProblem(pointer: "/lines/\(line - 1)", rule: "amount", message: error.message, messageEn: error.messageEn)])
        }
        guard !totals.total.isZero else {
            throw InputProblems([InputProblem(pointer: "/lines", rule: "total_zero", message: "la venta suma S/ 0.00: no hay nada que cobrar",
                                              messageEn: "the sale totals S/ 0.00: there is nothing to charge")])
        }
        do {
            return (totals, try Settlement(total: totals.total, payments: order.payments.map {
                SalePayment(method: $0.method, amount: $0.amount, tendered: $0.tendered)
            }))
        } catch {
            throw InputProblems([InputProblem(pointer: "/payments", rule: "settlement", message: error.message, messageEn: error.messageEn)])
        }
    }

    static func find(_ clientID: String, tenantID: UUID, on db: any Database) async throws -> MarketSale? {
        try await TenantScope(tenantID: tenantID, db: db).query(MarketSale.self).filter(\.$clientID == clientID).first()
    }

    /// Each line's product, active and of this business, in the order's order.
    static func lineProducts(_ order: SaleOrder, tenantID: UUID, on db: any Database) async throws -> [MarketProduct] {
        let ids = Set(order.lines.map(\.productID))
        let found = try await TenantScope(tenantID: tenantID, db: db).query(MarketProduct.self).filter(\.$id ~~ ids).all()
        var problems: [InputProblem] = []
        let products = order.lines.enumerated().compactMap { index, line -> MarketProduct? in
            guard let product = found.first(where: { $0.id == line.productID }), product.active else {
                problems.append(InputProblem(pointer: "/lines/\(index)/product_id", rule: "not_found",
                                             message: "no existe ese producto en este negocio", messageEn: "no such product in this business"))
                return nil
            }
            return product
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return products
    }

    /// The comprobante's items: a discounted line shows the unit price it was really sold at.
    static func invoiceItems(_ order: SaleOrder, _ products: [MarketProduct], _ totals: SaleTotals) -> [InternalIssuing.Item] {
        zip(order.lines, zip(products, totals.lines)).map { line, pair in
            let (product, amounts) = pair
            let unitPrice = amounts.discount.isZero ? product.price.decimal : amounts.total.decimal / line.quantity.decimal
            return InternalIssuing.Item(description: product.name, quantity: line.quantity.decimal, unitPrice: unitPrice,
                                        unitCode: product.unit, tax: InternalIssuing.Item.Tax(rawValue: product.affectation.word) ?? .gravado,
                                        productCode: product.sku ?? product.barcode)
        }
    }

    static func saleLine(_ line: SaleOrder.Line, _ product: MarketProduct, _ amounts: SaleLineAmounts, saleID: UUID,
                         tenantID: UUID) throws -> MarketSaleLine {
        let row = MarketSaleLine()
        (row.tenantID, row.saleID, row.productID, row.name, row.unit) = (tenantID, saleID, try product.requireID(), product.name, product.unit)
        (row.quantityMilli, row.unitPriceCents, row.discountCents) = (line.quantity.milli, product.priceCents, amounts.discount.cents)
        (row.totalCents, row.tax) = (amounts.total.cents, product.affectation.word)
        return row
    }

    /// One row per payment as given; a cash row keeps what it settled, not what was handed over.
    static func payments(_ order: SaleOrder, _ settlement: Settlement, saleID: UUID, tenantID: UUID) -> [MarketSalePayment] {
        var cashLeft = settlement.applied[.cash]?.cents ?? 0
        return order.payments.map { payment in
            let row = MarketSalePayment()
            (row.tenantID, row.saleID, row.method, row.reference) = (tenantID, saleID, payment.method.rawValue, payment.reference)
            if payment.method == .cash {
                row.amountCents = min(cashLeft, payment.amount.cents)
                cashLeft -= row.amountCents
                row.tenderedCents = (payment.tendered ?? payment.amount).cents
            } else {
                row.amountCents = payment.amount.cents
            }
            return row
        }
    }

    static func completed(_ sale: MarketSale, _ order: SaleOrder, _ products: [MarketProduct], _ totals: SaleTotals,
                          _ settlement: Settlement) throws -> SaleCompleted {
        SaleCompleted(
            saleID: try sale.requireID(), clientID: sale.clientID, totalCents: sale.totalCents, roundingCents: sale.roundingCents, currency: "PEN",
            lines: zip(order.lines, zip(products, totals.lines)).map { line, pair in
                .init(productID: line.productID, name: pair.0.name, quantity: line.quantity.text, totalCents: pair.1.total.cents)
            },
            payments: settlement.applied.sorted { $0.key.rawValue < $1.key.rawValue }.map { .init(method: $0.key.rawValue, amountCents: $0.value.cents) },
            documentID: sale.documentID)
    }
}
