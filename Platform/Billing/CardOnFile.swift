import Core
import Fluent
import Foundation
import Payments
import Shared
import SQLKit
import Vapor

/// The card a business kept for its renewals (it ticked "save my card" when paying by card).
/// The provider holds the card; we hold its references and what to show.
public final class BillingCard: TenantOwned, @unchecked Sendable {
    public static let schema = "billing_cards"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Enum(key: "provider") public var provider: PaymentProviderID
    @Field(key: "customer_ref") public var customerRef: String
    @Field(key: "method_ref") public var methodRef: String
    @Field(key: "label") public var label: String
    /// The bank's answer to the last automatic charge that failed, until one succeeds.
    @OptionalField(key: "last_failure") public var lastFailure: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    var saved: SavedCard { SavedCard(provider: provider, customerRef: customerRef, methodRef: methodRef, label: label) }
}

struct AddBillingCards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BillingCard.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("provider", .string, .required)
            .field("customer_ref", .string, .required)
            .field("method_ref", .string, .required)
            .field("label", .string, .required)
            .field("last_failure", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
        // Automatic attempts on a charge: at most `CardCharges.maxAttempts`, one a day. One column
        // per ALTER TABLE: SQLite adds one at a time.
        try await database.schema(MembershipCharge.schema).field("card_attempts", .int, .required, .sql(.default(0))).update()
        try await database.schema(MembershipCharge.schema).field("card_attempt_day", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MembershipCharge.schema).deleteField("card_attempt_day").update()
        try await database.schema(MembershipCharge.schema).deleteField("card_attempts").update()
        try await database.schema(BillingCard.schema).delete()
    }
}

/// Keeping and forgetting a business's card.
enum SavedCards {
    /// After an approved membership payment: if the payer agreed to keep the card, it becomes
    /// the business's card for renewals (replacing an older one).
    static func keep(from payment: Payment, tenantID: UUID, app: Application, on db: any Database) async throws {
        guard let gateway = app.paymentGateways[payment.provider] as? any CardOnFileGateway,
              let card = try await gateway.savedCard(of: payment) else { return }
        let existing = try await BillingCard.query(on: db).filter(\.$tenantID == tenantID).first()
        if existing?.methodRef == card.methodRef { return }
        let row = existing ?? BillingCard()
        row.tenantID = tenantID
        row.provider = card.provider
        row.customerRef = card.customerRef
        row.methodRef = card.methodRef
        row.label = card.label
        row.lastFailure = nil
        row.createdAt = app.clock.now()
        try await row.save(on: db)
    }

    /// Detaches the card at the provider, then drops it here.
    static func forget(tenantID: UUID, app: Application, on db: any Database) async throws {
        guard let card = try await BillingCard.query(on: db).filter(\.$tenantID == tenantID).first() else { return }
        if let gateway = app.paymentGateways[card.provider] as? any CardOnFileGateway {
            try await gateway.forget(card.saved)
        }
        try await card.delete(on: db)
    }
}

/// Renewals charged to the kept card on their due day, without the owner: the sweep claims the
/// day's attempts in one UPDATE and enqueues a job for each; a job charges one card.
enum CardCharges {
    /// A declined card is tried again the next days, up to this many times in all.
    static let maxAttempts = 3

    struct Payload: Codable, Sendable {
        let chargeID: UUID
        let attempt: Int
    }

    static let kind = JobKind<Payload>("billing.card_charge")

    /// Claims today's attempt of every open, due charge of a business with a card (once a day
    /// however often the sweep runs) and enqueues its job in the same transaction.
    static func schedule(now: Date, on db: any Database) async throws -> Int {
        let today = LimaDate(now).dayNumber
        return try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return 0 }
            struct Row: Decodable { let id: UUID; let tenant_id: UUID; let card_attempts: Int }
            let rows = try await sql.raw("""
                UPDATE \(ident: MembershipCharge.schema) SET card_attempts = card_attempts + 1, card_attempt_day = \(bind: today)
                WHERE state = 'open' AND period_start_day <= \(bind: today) AND card_attempts < \(bind: maxAttempts)
                  AND (card_attempt_day IS NULL OR card_attempt_day < \(bind: today))
                  AND tenant_id IN (SELECT tenant_id FROM \(ident: BillingCard.schema))
                RETURNING id, tenant_id, card_attempts
                """).all(decoding: Row.self)
            for row in rows {
                try await JobQueue.enqueue(kind, Payload(chargeID: row.id, attempt: row.card_attempts), tenantID: row.tenant_id,
                                           runAt: now, on: tx)
            }
            return rows.count
        }
    }

    static var handler: JobHandler {
        JobHandler(kind) { payload, context in
            try await charge(payload, app: context.application, on: context.db)
        }
    }

    static func charge(_ payload: Payload, app: Application, on db: any Database) async throws {
        guard let charge = try await MembershipCharge.find(payload.chargeID, on: db), charge.state == .open,
              let card = try await BillingCard.query(on: db).filter(\.$tenantID == charge.tenantID).first() else { return }
        guard let gateway = app.paymentGateways[card.provider] as? any CardOnFileGateway else {
            throw PermanentJobError("no card gateway for \(card.provider.rawValue)")
        }
        let tenant = try await Tenant.find(charge.tenantID, on: db)
        let platform = try await PlatformAccount.tenant(app: app, on: db)
        let request = try charge.paymentRequest(business: tenant?.displayName ?? "", keySuffix: "card-\(payload.attempt)")
        let (payment, needsPayer) = try await PaymentService.chargeSavedCard(
            request, card: card.saved, tenantID: try platform.requireID(), gateway: gateway, now: app.clock.now(), on: db)
        switch payment.state {
        case .approved:
            card.lastFailure = nil
            try await card.save(on: db)
            try await Memberships.applyPayment(chargeID: charge.requireID(), paymentID: payment.id, app: app, now: app.clock.now(), on: db)
        case .rejected:
            try await declined(charge, card: card, reason: payment.failureReason ?? "", stop: needsPayer, app: app, on: db)
        default:
            break  // still processing: its webhook decides
        }
    }

    /// Keeps the bank's answer for the membership page, tells the owner, and stops retrying when
    /// only the owner can complete the payment (the bank asked for authentication).
    private static func declined(
        _ charge: MembershipCharge, card: BillingCard, reason: String, stop: Bool, app: Application, on db: any Database
    ) async throws {
        let when = LimaDate(app.clock.now()).formatted
        card.lastFailure = "\(when): \(reason)"
        try await card.save(on: db)
        if stop, let sql = db as? any SQLDatabase {
            try await sql.raw("UPDATE \(ident: MembershipCharge.schema) SET card_attempts = \(bind: maxAttempts) WHERE id = \(bind: charge.requireID())").run()
        }
        guard let due = try await MembershipDues.of([charge.tenantID], app: app, on: db)[charge.tenantID] else { return }
        var request = due.request(MembershipNotices.cardDeclined.id)
        request.parameters["reason"] = reason
        try await app.notifier.send(request, on: db)
    }
}
