import Core
import Fluent
import Foundation
import Payments
import Shared

/// A membership plan the platform sells: a monthly price, a discount for longer periods, the
/// modules it includes and its limits.
public final class Plan: Model, @unchecked Sendable {
    public static let schema = "billing_plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "monthly_cents") public var monthlyCents: Int64
    /// Percent off per period, `{"trimestral": 5, "anual": 15}`.
    @Field(key: "discounts") public var discountsJSON: String
    /// Space-separated module ids.
    @Field(key: "modules") public var modulesText: String
    @Field(key: "max_staff") public var maxStaff: Int
    @Field(key: "max_documents_month") public var maxDocumentsPerMonth: Int
    @Field(key: "active") public var active: Bool

    public init() {}

    public var modules: [String] { modulesText.split(separator: " ").map(String.init) }

    public var discounts: [BillingPeriod: Int] {
        let raw = (try? JSONDecoder().decode([String: Int].self, from: Data(discountsJSON.utf8))) ?? [:]
        return Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in BillingPeriod(rawValue: key).map { ($0, value) } })
    }

    /// What one period costs: months × monthly price, less the period's discount, rounded to céntimos.
    public func price(for period: BillingPeriod) -> Money {
        let gross = Decimal(monthlyCents) * Decimal(period.months) / 100
        let percent = Decimal(discounts[period] ?? 0)
        return Money.rounded(gross * (100 - percent) / 100)
    }
}

/// A business's membership: its plan and period, where it stands, and the next period to bill.
/// Days are Lima day numbers (days since 1970-01-01), so the sweep compares integers in SQL.
public final class Subscription: TenantOwned, @unchecked Sendable {
    public static let schema = "billing_subscriptions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "plan_id") public var planID: UUID
    @Enum(key: "period") public var period: BillingPeriod
    @Enum(key: "state") public var state: MembershipStage
    @Field(key: "trial_ends_day") public var trialEndsDay: Int
    /// The start (and due day) of the next period not yet charged.
    @Field(key: "next_due_day") public var nextDueDay: Int
    @Field(key: "next_period_end_day") public var nextPeriodEndDay: Int
    @Field(key: "renewal_cents") public var renewalCents: Int64
    @Field(key: "state_changed_at") public var stateChangedAt: Date
    /// A stage the platform admin set by hand (block), which the sweep keeps until unset.
    @OptionalEnum(key: "manual_stage") public var manualStage: MembershipStage?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

public enum ChargeState: String, Codable, Sendable, CaseIterable {
    case open, paid, waived
}

/// What one period costs a business, due on the period's first day.
public final class MembershipCharge: TenantOwned, @unchecked Sendable {
    public static let schema = "billing_charges"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "subscription_id") public var subscriptionID: UUID
    /// "" for the plan's charge; a module id for an add-on's, which blocks only that module.
    @Field(key: "module_id") public var moduleID: String
    @Field(key: "period_start_day") public var periodStartDay: Int
    @Field(key: "period_end_day") public var periodEndDay: Int
    /// Days the platform admin added before dunning counts (extend grace).
    @Field(key: "grace_days") public var graceDays: Int
    @Field(key: "amount_cents") public var amountCents: Int64
    @Enum(key: "state") public var state: ChargeState
    @OptionalField(key: "payment_id") public var paymentID: UUID?
    @OptionalField(key: "document_id") public var documentID: UUID?
    @OptionalField(key: "paid_at") public var paidAt: Date?
    @OptionalField(key: "note") public var note: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var amount: Money { Money(cents: amountCents) }
    public var periodStart: LimaDate { LimaDate(dayNumber: periodStartDay) }

    /// What paying this charge asks of a gateway (the pay page and the card job alike); the
    /// key's `suffix` names the way it is paid, so each way has its own payment.
    func paymentRequest(business: String, keySuffix suffix: String, payerEmail: String? = nil, saveCard: Bool = false) throws -> PaymentRequest {
        let id = try requireID().uuidString.lowercased()
        return PaymentRequest(
            purpose: Reconciliation.purpose, reference: id, amount: amount, idempotencyKey: "membership-\(id)-\(suffix)",
            description: "Membresía Multinicho · \(business) · \(periodStart.formatted)", payerEmail: payerEmail, saveCard: saveCard)
    }
    public var periodEnd: LimaDate { LimaDate(dayNumber: periodEndDay) }
}

/// A module bought on top of the plan, billed with each period at its own price.
public final class BillingAddon: TenantOwned, @unchecked Sendable {
    public static let schema = "billing_addons"
    /// S/ 10.00 a month per add-on module.
    public static let monthlyCents: Int64 = 1000

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "module_id") public var moduleID: String
    @Field(key: "monthly_cents") public var monthlyCents: Int64
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// The dunning ladder the platform admin edits (one row).
final class BillingPolicyRecord: Model, @unchecked Sendable {
    static let schema = "billing_policy"

    @ID(key: .id) var id: UUID?
    @Field(key: "steps") var stepsJSON: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// Who did what to a membership by hand, and why.
public final class BillingAuditEntry: Model, @unchecked Sendable {
    public static let schema = "billing_audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @OptionalField(key: "admin_id") public var adminID: UUID?
    @Field(key: "action") public var action: String
    @Field(key: "reason") public var reason: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(tenantID: UUID, adminID: UUID?, action: String, reason: String, at now: Date) {
        self.tenantID = tenantID
        self.adminID = adminID
        self.action = action
        self.reason = reason
        self.createdAt = now
    }
}

