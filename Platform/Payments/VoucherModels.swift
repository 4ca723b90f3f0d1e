import Core
import Fluent
import Foundation

/// A wallet the business is paid into without a gateway: its Yape or Plin number, and the
/// QR code its app shows. Payers pay it in their own app and then send the operation number.
public final class PaymentWallet: TenantOwned, @unchecked Sendable {
    public static let schema = "payment_wallets"

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case yape, plin
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Enum(key: "kind") public var kind: Kind
    /// The 9 national digits of the wallet's mobile number.
    @Field(key: "phone") public var phone: String
    /// The name the payer's app shows for the number, so they can check before paying.
    @Field(key: "holder") public var holder: String
    /// The QR image (PNG or JPEG) the wallet app exports, if the business uploaded it.
    @OptionalField(key: "qr_image") public var qrImage: Data?
    @OptionalField(key: "qr_content_type") public var qrContentType: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(tenantID: UUID, kind: Kind, phone: String, holder: String, now: Date) {
        self.tenantID = tenantID
        self.kind = kind
        self.phone = phone
        self.holder = holder
        self.createdAt = now
    }
}

/// What a payer says they paid: wallet, operation number, amount, and optionally a screenshot.
/// The payment waits as `claimed` until staff approve or reject it.
public final class VoucherClaim: TenantOwned, @unchecked Sendable {
    public static let schema = "voucher_claims"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "payment_id") public var paymentID: UUID
    @Enum(key: "wallet") public var wallet: PaymentWallet.Kind
    /// Unique per business and wallet: the same operation cannot pay twice.
    @Field(key: "operation_number") public var operationNumber: String
    @Field(key: "amount_cents") public var amountCents: Int64
    @OptionalField(key: "screenshot") public var screenshot: Data?
    @OptionalField(key: "screenshot_content_type") public var screenshotContentType: String?
    @Field(key: "submitted_at") public var submittedAt: Date
    @OptionalField(key: "reviewed_by") public var reviewedBy: UUID?
    @OptionalField(key: "reviewed_at") public var reviewedAt: Date?

    public init() {}

    init(tenantID: UUID, paymentID: UUID, voucher: Voucher, now: Date) {
        self.tenantID = tenantID
        self.paymentID = paymentID
        self.wallet = voucher.wallet
        self.operationNumber = voucher.operationNumber
        self.amountCents = voucher.amount.cents
        self.screenshot = voucher.screenshot?.data
        self.screenshotContentType = voucher.screenshot?.contentType
        self.submittedAt = now
    }
}

struct CreateVoucherTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentWallet.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("phone", .string, .required)
            .field("holder", .string, .required)
            .field("qr_image", .data)
            .field("qr_content_type", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "kind")
            .create()
        try await database.schema(VoucherClaim.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("payment_id", .uuid, .required, .references(Payment.schema, "id", onDelete: .cascade))
            .field("wallet", .string, .required)
            .field("operation_number", .string, .required)
            .field("amount_cents", .int64, .required)
            .field("screenshot", .data)
            .field("screenshot_content_type", .string)
            .field("submitted_at", .datetime, .required)
            .field("reviewed_by", .uuid)
            .field("reviewed_at", .datetime)
            .unique(on: "tenant_id", "wallet", "operation_number")
            .unique(on: "payment_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VoucherClaim.schema).delete()
        try await database.schema(PaymentWallet.schema).delete()
    }
}
