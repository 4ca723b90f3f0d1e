import Core
import EInvoicing
import Fluent
import Foundation

/// The states of a document. Drafts can change; from `signed` on the content is fixed, and
/// a `rejected` or `voided` one is final.
public enum InvoiceStatus: String, Codable, Sendable, CaseIterable {
    case draft, signed, sent, accepted, observed, rejected, voided

    public var isEditable: Bool { self == .draft }
    /// Accepted by SUNAT (or locally in the sandbox), so it can be voided or corrected by a note.
    public var isAccepted: Bool { self == .accepted || self == .observed }
    /// Signed and numbered, and not rejected or voided: a note can correct it.
    public static let issued: [InvoiceStatus] = [.signed, .sent, .accepted, .observed]
}

/// A factura, boleta or note of a business, from draft to SUNAT's answer. Stores the input
/// (`document_json`, the engine's JSON), the signed XML and the CDR exactly as they were, plus
/// copies of the customer and totals for the history's filters.
public final class InvoiceRecord: TenantOwned, @unchecked Sendable {
    public static let schema = "invoicing_documents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tenant_id") public var tenantID: UUID
    @Enum(key: "environment") public var environment: InvoicingEnvironment
    @Field(key: "document_type") public var documentType: String
    @Field(key: "series") public var series: String
    @OptionalField(key: "number") public var number: Int?
    @Enum(key: "status") public var status: InvoiceStatus
    @Field(key: "issue_date") public var issueDate: String
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "customer_id") public var customerID: UUID?
    @Field(key: "customer_document_type") public var customerDocumentType: String
    @Field(key: "customer_document_number") public var customerDocumentNumber: String
    @Field(key: "customer_name") public var customerName: String
    @OptionalField(key: "customer_email") public var customerEmail: String?
    @OptionalField(key: "customer_address") public var customerAddress: String?
    /// The items as entered (`[DocumentItem]` JSON).
    @Field(key: "items_json") public var itemsJSON: String
    /// The engine's document (EInvoiceDocument JSON) as signed; nil for drafts.
    @OptionalField(key: "document_json") public var documentJSON: String?
    @Field(key: "taxable_cents") public var taxableCents: Int64
    @Field(key: "exempt_cents") public var exemptCents: Int64
    @Field(key: "unaffected_cents") public var unaffectedCents: Int64
    @Field(key: "igv_cents") public var igvCents: Int64
    @Field(key: "total_cents") public var totalCents: Int64
    @OptionalField(key: "hash") public var hash: String?
    @OptionalField(key: "file_name") public var fileName: String?
    @OptionalField(key: "xml") public var xml: Data?
    @OptionalField(key: "cdr") public var cdr: Data?
    @OptionalField(key: "sunat_code") public var sunatCode: String?
    @OptionalField(key: "sunat_description") public var sunatDescription: String?
    /// SUNAT's observations, one per line.
    @OptionalField(key: "sunat_notes") public var sunatNotes: String?
    @OptionalField(key: "reference_id") public var referenceID: UUID?
    @OptionalField(key: "note_motive") public var noteMotive: String?
    @OptionalField(key: "note_description") public var noteDescription: String?
    @OptionalField(key: "void_reason") public var voidReason: String?
    /// The RA/RC that voids it, while SUNAT has not answered ("RA-20261121-1").
    @OptionalField(key: "void_id") public var voidID: String?
    @OptionalField(key: "void_ticket") public var voidTicket: String?
    @Field(key: "public_token") public var publicToken: String
    @Field(key: "search_text") public var searchText: String
    @Field(key: "source") public var source: String
    /// How the sale was paid (`cash`, `yape`, `plin`, `card`, `mixed`...), when the issuer knew.
    @OptionalField(key: "payment_method") public var paymentMethod: String?
    /// The member who made the sale or issued the document, when a person did.
    @OptionalField(key: "issued_by") public var issuedBy: UUID?
    @OptionalField(key: "issued_at") public var issuedAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public var fullNumber: String? { number.map { "\(series)-\($0)" } }
    public var isSandbox: Bool { environment == .sandbox }
    public var kind: DocumentKind { DocumentKind(rawValue: documentType) ?? .factura }
}
