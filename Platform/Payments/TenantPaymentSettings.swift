import Core
import Fluent
import Foundation

/// Which payment methods a business offers, and its own provider keys. Secret keys are
/// stored sealed (`SecretBox`, purpose "payments.keys") and only ever shown masked.
public final class TenantPaymentSettings: TenantOwned, @unchecked Sendable {
    public static let schema = "tenant_payment_settings"
    static let keysPurpose = "payments.keys"
    /// What a business offers until it chooses: the two that need no account anywhere.
    static let defaultMethods: Set<PaymentProviderID> = [.sandbox, .voucher]

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    /// Space-separated `PaymentProviderID` values.
    @Field(key: "methods") public var methodsText: String
    @OptionalField(key: "stripe_secret_key") public var stripeSecretKeySealed: String?
    @OptionalField(key: "stripe_webhook_secret") public var stripeWebhookSecretSealed: String?
    /// Culqi's public key is public (it goes to browsers); only the secret key is sealed.
    @OptionalField(key: "culqi_public_key") public var culqiPublicKey: String?
    @OptionalField(key: "culqi_secret_key") public var culqiSecretKeySealed: String?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    init(tenantID: UUID, now: Date) {
        self.tenantID = tenantID
        self.methodsText = Self.defaultMethods.map(\.rawValue).sorted().joined(separator: " ")
        self.updatedAt = now
    }

    public var methods: Set<PaymentProviderID> {
        get { Set(methodsText.split(separator: " ").compactMap { PaymentProviderID(rawValue: String($0)) }) }
        set { methodsText = newValue.map(\.rawValue).sorted().joined(separator: " ") }
    }

    /// The settings of `tenantID`, or the defaults (not yet saved) when it has none.
    static func of(_ tenantID: UUID, now: Date, on db: any Database) async throws -> TenantPaymentSettings {
        try await TenantPaymentSettings.query(on: db).filter(\.$tenantID == tenantID).first()
            ?? TenantPaymentSettings(tenantID: tenantID, now: now)
    }
}

struct CreateTenantPaymentSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TenantPaymentSettings.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("methods", .string, .required)
            .field("stripe_secret_key", .string)
            .field("stripe_webhook_secret", .string)
            .field("culqi_public_key", .string)
            .field("culqi_secret_key", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TenantPaymentSettings.schema).delete()
    }
}
