import Core
import Fluent
import Foundation

/// Where a business's documents go: its own local sandbox, SUNAT's beta service, or
/// production. Numbering is kept apart per environment, so testing never burns real numbers.
public enum InvoicingEnvironment: String, Codable, Sendable, CaseIterable {
    case sandbox, beta, production

    /// Where a business issues now: its profile's environment, the sandbox before it has one.
    public static func current(of tenantID: UUID, on db: any Database) async throws -> InvoicingEnvironment {
        try await InvoicingProfile.query(on: db).filter(\.$tenantID == tenantID).first()?.environment ?? .sandbox
    }
}

/// The issuer data of a business: what goes on every document it issues, with the signing
/// certificate and SOL credentials sealed (`SecretBox`, purpose "invoicing.credentials").
public final class InvoicingProfile: TenantOwned, @unchecked Sendable {
    public static let schema = "invoicing_profiles"
    static let credentialsPurpose = "invoicing.credentials"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "ruc") public var ruc: String
    @Field(key: "legal_name") public var legalName: String
    @OptionalField(key: "trade_name") public var tradeName: String?
    @Field(key: "address_line") public var addressLine: String
    @Field(key: "ubigeo") public var ubigeo: String
    @Field(key: "district") public var district: String
    @Field(key: "province") public var province: String
    @Field(key: "department") public var department: String
    @Field(key: "establishment_code") public var establishmentCode: String
    @Enum(key: "environment") public var environment: InvoicingEnvironment
    /// Sealed JSON `{"key": PEM, "certificate": PEM}`.
    @Field(key: "certificate") public var certificateSealed: String
    /// "sandbox" for the certificate the platform made, "uploaded" for the business's own.
    @Field(key: "certificate_origin") public var certificateOrigin: String
    @Field(key: "certificate_subject") public var certificateSubject: String
    @Field(key: "certificate_not_after") public var certificateNotAfter: Date
    @OptionalField(key: "sol_user") public var solUser: String?
    @OptionalField(key: "sol_password") public var solPasswordSealed: String?
    @OptionalField(key: "logo") public var logoPNG: Data?
    @Field(key: "pdf_format") public var pdfFormat: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public var isComplete: Bool { !addressLine.isEmpty && ubigeo.count == 6 }
}

/// A series of one document type, with the next number it will give in one environment.
/// The `UPDATE ... RETURNING` on this row is what makes numbering gap-free and unique.
public final class InvoiceSeries: TenantOwned, @unchecked Sendable {
    public static let schema = "invoice_series"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Enum(key: "environment") public var environment: InvoicingEnvironment
    @Field(key: "document_type") public var documentType: String
    @Field(key: "series") public var series: String
    @Field(key: "next_number") public var nextNumber: Int
    @Field(key: "position") public var position: Int

    public init() {}
}
