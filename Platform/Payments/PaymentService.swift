import Core
import Fluent
import Shared
import Vapor

/// Creating payments: what modules call when something must be paid.
public enum PaymentService {
    /// Creates the payment and starts it at the gateway. A retried request with the same
    /// idempotency key answers the payment made the first time, without asking the provider again.
    public static func create(
        _ request: PaymentRequest, tenantID: UUID, gateway: any PaymentGateway, now: Date, on db: any Database
    ) async throws -> Payment {
        try validate(request, gateway: gateway)
        if let existing = try await existing(request, tenantID: tenantID, on: db) { return existing }
        let payment = Payment(tenantID: tenantID, request: request, provider: gateway.provider, now: now,
                              expiresAt: now.addingTimeInterval(gateway.pendingWindow))
        do {
            try await payment.create(on: db)
        } catch {
            // A concurrent request with the same key won the insert: answer its payment.
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                  let winner = try await existing(request, tenantID: tenantID, on: db) else { throw error }
            return winner
        }
        do {
            let started = try await gateway.start(payment, request: request)
            payment.providerPaymentID = started.providerPaymentID
            payment.nextStep = started.next
            payment.updatedAt = now
            try await payment.save(on: db)
        } catch {
            _ = try await db.transaction { tx in
                try await PaymentLedger.transition(payment, to: .rejected, reason: "provider: \(error)", raw: nil, now: now, on: tx)
            }
            throw Abort(.badGateway, reason: "the payment provider did not start the payment: \(error)")
        }
        return payment
    }

    /// Charges a saved card for `request`, without the payer. A retry with the same idempotency
    /// key charges the same payment again with the same provider key (the provider answers the
    /// first result), so a lost answer never charges twice. Returns the payment in its new state
    /// and whether only the payer can complete it (the bank asked for authentication).
    public static func chargeSavedCard(
        _ request: PaymentRequest, card: SavedCard, tenantID: UUID, gateway: any CardOnFileGateway, now: Date,
        on db: any Database
    ) async throws -> (payment: Payment, needsPayer: Bool) {
        try validate(request, gateway: gateway)
        var payment = Payment(tenantID: tenantID, request: request, provider: gateway.provider, now: now, expiresAt: nil)
        if let existing = try await existing(request, tenantID: tenantID, on: db) {
            payment = existing
        } else {
            try await payment.create(on: db)
        }
        guard payment.state == .pending else { return (payment, false) }
        let (update, needsPayer) = try await gateway.charge(payment, request: request, card: card)
        _ = try await PaymentLedger.apply(update, provider: gateway.provider, tenantID: tenantID, now: now, on: db)
        return (try await Payment.find(payment.requireID(), on: db) ?? payment, needsPayer)
    }

    /// Gives an approved payment back in full through its gateway; the ledger records the
    /// refund (and `payment.refunded`). A payment not approved is left as it is.
    public static func refund(_ payment: Payment, app: Application, now: Date, on db: any Database) async throws {
        guard payment.state == .approved else { return }
        guard let gateway = try await PaymentMethods.gateway(payment.provider, for: payment.tenantID, app: app, on: db)
            ?? app.paymentGateways[payment.provider] else {
            throw Abort(.badGateway, reason: "no \(payment.provider.rawValue) gateway to refund through")
        }
        let update = try await gateway.refund(payment, idempotencyKey: "refund-\(try payment.requireID().uuidString.lowercased())")
        _ = try await PaymentLedger.apply(update, provider: gateway.provider, tenantID: payment.tenantID, now: now, on: db)
    }

    static func validate(_ request: PaymentRequest, gateway: any PaymentGateway) throws {
        guard request.amount.cents > 0 else {
            throw PaymentInputError(field: "amount", message: "must be greater than zero")
        }
        if let limit = gateway.limit, request.amount > limit {
            throw PaymentInputError(field: "amount", message: "is over the \(gateway.provider.rawValue) limit of \(limit.formatted)")
        }
        guard !request.idempotencyKey.isEmpty, request.idempotencyKey.count <= 255 else {
            throw PaymentInputError(field: "idempotencyKey", message: "must have 1 to 255 characters")
        }
        guard !request.purpose.isEmpty, !request.reference.isEmpty else {
            throw PaymentInputError(field: request.purpose.isEmpty ? "purpose" : "reference", message: "is required")
        }
    }

    private static func existing(_ request: PaymentRequest, tenantID: UUID, on db: any Database) async throws -> Payment? {
        try await Payment.query(on: db).filter(\.$tenantID == tenantID)
            .filter(\.$idempotencyKey == request.idempotencyKey).first()
    }
}
