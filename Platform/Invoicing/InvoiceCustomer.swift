import Core
import Fluent
import Foundation
import Shared

/// A customer of the business. Deleting one only hides it (`deleted_at`): the documents
/// issued to it keep their own copy of its data and stay linked.
public final class InvoiceCustomer: TenantOwned, @unchecked Sendable {
    public static let schema = "invoicing_customers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Field(key: "document_type") public var documentType: String
    @Field(key: "document_number") public var documentNumber: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "address") public var address: String?
    /// Lowercased name and number without accents, for search.
    @Field(key: "search_text") public var searchText: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?

    public init() {}

    func apply(_ data: CustomerData) {
        documentType = data.documentType.rawValue
        documentNumber = data.documentNumber
        name = data.name
        email = data.email
        phone = data.phone
        address = data.address
        searchText = SearchText.normalize([data.name, data.documentNumber, data.email ?? ""])
    }
}
