import Core
import Fluent
import Foundation
import Shared

/// The till's shift: open with a float, sell, close with the cash counted. One till per
/// business for now; a sale made while it is open belongs to it.
enum CashRegister {
    struct AlreadyOpen: Error {}
    struct NotOpen: Error {}

    static func open(_ tenantID: UUID, on db: any Database) async throws -> MarketRegister? {
        try await TenantScope(tenantID: tenantID, db: db).query(MarketRegister.self).filter(\.$closedAt == nil).first()
    }

    static func open(_ tenantID: UUID, float: Money, by userID: UUID, now: Date, on db: any Database) async throws -> MarketRegister {
        guard try await open(tenantID, on: db) == nil else { throw AlreadyOpen() }
        let register = MarketRegister()
        (register.tenantID, register.openedBy, register.openedAt, register.floatCents, register.totalsJSON) = (tenantID, userID, now, float.cents, "{}")
        do {
            try await register.create(on: db)
        } catch {
            // Another "open" won the race for the one open till.
            guard (error as? any DatabaseError)?.isConstraintFailure == true else { throw error }
            throw AlreadyOpen()
        }
        return register
    }

    /// What each method took in the shift, from its completed sales.
    static func takings(_ register: MarketRegister, on db: any Database) async throws -> [PaymentMethod: Money] {
        let scope = TenantScope(tenantID: register.tenantID, db: db)
        let sales = try await scope.query(MarketSale.self).filter(\.$registerID == register.id).filter(\.$state == .completed).all()
        let ids = sales.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let payments = try await scope.query(MarketSalePayment.self).filter(\.$saleID ~~ ids).all()
        var totals: [PaymentMethod: Money] = [:]
        for payment in payments {
            guard let method = PaymentMethod(rawValue: payment.method) else { continue }
            totals[method, default: .zero()] += Money(cents: payment.amountCents)
        }
        return totals
    }

    /// Closes the shift with the cash counted; expected cash is the float plus cash taken.
    static func close(_ tenantID: UUID, counted: Money, by userID: UUID, now: Date, on db: any Database) async throws -> MarketRegister {
        guard let register = try await open(tenantID, on: db) else { throw NotOpen() }
        let takings = try await takings(register, on: db)
        register.expectedCents = register.floatCents + (takings[.cash]?.cents ?? 0)
        (register.countedCents, register.closedBy, register.closedAt) = (counted.cents, userID, now)
        register.totalsJSON = String(decoding: try JSONEncoder().encode(Dictionary(uniqueKeysWithValues: takings.map { ($0.key.rawValue, $0.value.cents) })),
                                     as: UTF8.self)
        try await register.save(on: db)
        return register
    }
}
