import Core
import Fluent
import Shared
import Vapor

/// Where a payment stands. `claimed` is a voucher (Yape/Plin operation number) waiting for
/// staff; `approved`, `rejected`, `refunded` and `expired` are what the business acts on.
public enum PaymentState: String, Codable, Sendable, CaseIterable {
    case pending, claimed, approved, rejected, refunded, expired

    /// The states a payment may move to from this one. Terminal states only lead to a refund.
    var successors: Set<PaymentState> {
        switch self {
        case .pending: [.claimed, .approved, .rejected, .expired]
        case .claimed: [.approved, .rejected, .expired]
        case .approved: [.refunded]
        case .rejected, .refunded, .expired: []
        }
    }

    /// The states from which `target` can be reached: the guard of the conditional update.
    static func predecessors(of target: PaymentState) -> [PaymentState] {
        allCases.filter { $0.successors.contains(target) }
    }
}

/// The provider that carries a payment.
public enum PaymentProviderID: String, Codable, Sendable, CaseIterable {
    /// A local page that approves or rejects: `make run` and tenants in sandbox mode.
    case sandbox
    case stripe
    /// Yape through Culqi's API.
    case culqiYape = "culqi_yape"
    /// The payer pays the tenant's Yape/Plin QR and submits the operation number.
    case voucher
}

/// One payment a tenant asked for: a booking, an order, a membership period.
public final class Payment: TenantOwned, @unchecked Sendable {
    public static let schema = "payments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    /// What is being paid, as the asking module names it: "booking", "membership", ...
    @Field(key: "purpose") public var purpose: String
    /// The asking module's id for it: "42", "2026-12", ...
    @Field(key: "reference") public var reference: String
    /// What the payer sees: "Reserva alisado largo", "Plan Negocio, diciembre 2026".
    @Field(key: "description") public var description: String
    @Enum(key: "provider") public var provider: PaymentProviderID
    @OptionalField(key: "provider_payment_id") public var providerPaymentID: String?
    @Field(key: "amount_cents") public var amountCents: Int64
    @Field(key: "currency") public var currency: String
    @Enum(key: "state") public var state: PaymentState
    /// Unique per tenant: a retried create answers the payment made the first time.
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @OptionalField(key: "failure_reason") public var failureReason: String?
    /// The provider's last answer about this payment, verbatim, for support and audits.
    @OptionalField(key: "raw_payload") public var rawPayload: String?
    /// The payer's next step as JSON (`PaymentNextStep`), so a retried create can answer it.
    @OptionalField(key: "next_step") public var nextStepJSON: String?
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public var amount: Money {
        Money(cents: amountCents, currency: Currency(rawValue: currency) ?? .pen)
    }

    public var nextStep: PaymentNextStep {
        get { nextStepJSON.flatMap { try? JSONDecoder().decode(PaymentNextStep.self, from: Data($0.utf8)) } ?? .none }
        set { nextStepJSON = (try? JSONEncoder().encode(newValue)).map { String(decoding: $0, as: UTF8.self) } }
    }

    init(tenantID: UUID, request: PaymentRequest, provider: PaymentProviderID, now: Date, expiresAt: Date?) {
        self.tenantID = tenantID
        self.purpose = request.purpose
        self.reference = request.reference
        self.description = request.description
        self.provider = provider
        self.amountCents = request.amount.cents
        self.currency = request.amount.currency.code
        self.state = .pending
        self.idempotencyKey = request.idempotencyKey
        self.expiresAt = expiresAt
        self.createdAt = now
        self.updatedAt = now
    }
}

/// A provider notification already applied, keyed by the provider's event id: a replayed
/// webhook finds its row and changes nothing twice.
public final class PaymentProviderEvent: Model, @unchecked Sendable {
    public static let schema = "payment_provider_events"

    @ID(key: .id) public var id: UUID?
    @Enum(key: "provider") public var provider: PaymentProviderID
    @Field(key: "event_id") public var eventID: String
    @OptionalField(key: "payment_id") public var paymentID: UUID?
    @Field(key: "received_at") public var receivedAt: Date

    public init() {}

    init(provider: PaymentProviderID, eventID: String, paymentID: UUID?, receivedAt: Date) {
        self.provider = provider
        self.eventID = eventID
        self.paymentID = paymentID
        self.receivedAt = receivedAt
    }
}
