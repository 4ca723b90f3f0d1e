import Fluent
import Vapor

/// A business that rents the platform. Every tenant-owned row elsewhere points here.
public final class Tenant: Model, @unchecked Sendable {
    public static let schema = "tenants"
    public typealias Id = UUID

    public enum Status: String, Codable, Sendable {
        /// Paying or in trial: everything works.
        case active
        /// Cut off by killer mode: data kept, access limited until it pays.
        case blocked
        /// Closed by the business or the platform: data kept, no access.
        case closed
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "slug") public var slug: String
    @Field(key: "legal_name") public var legalName: String
    @OptionalField(key: "trade_name") public var tradeName: String?
    @Field(key: "ruc") public var ruc: String
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "district") public var district: String?
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "email") public var email: String?
    @Field(key: "status") public var status: Status

    public init() {}

    public init(id: UUID? = nil, slug: String, legalName: String, ruc: String, status: Status = .active) {
        self.id = id
        self.slug = slug
        self.legalName = legalName
        self.ruc = ruc
        self.status = status
    }

    /// The name shown to people: the trade name when the business has one.
    public var displayName: String { tradeName.flatMap { $0.isEmpty ? nil : $0 } ?? legalName }
}
