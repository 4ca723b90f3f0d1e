import Core
import Foundation
import Shared
import Vapor

/// The API's JSON for a document and a customer (see Resources/OpenAPI/openapi.json).
struct InvoiceDTO: Encodable {
    func encode(to encoder: any Encoder) throws { try NullKeepingEncoding.encode(self, to: encoder) }

    struct CustomerPart: Encodable {
    func encode(to encoder: any Encoder) throws { try NullKeepingEncoding.encode(self, to: encoder) }

        let id: String?
        let document_type: String
        let document_number: String
        let name: String
        let email: String?
    }

    struct Item: Encodable {
        let description: String
        let quantity: String
        let unit_price: String
        let unit_code: String
        let tax: String
        let total: String
    }

    struct Totals: Encodable {
        let taxable: String
        let exempt: String
        let unaffected: String
        let igv: String
        let total: String
    }

    struct SUNAT: Encodable {
    func encode(to encoder: any Encoder) throws { try NullKeepingEncoding.encode(self, to: encoder) }

        let code: String?
        let description: String?
        let notes: [String]
    }

    struct Reference: Encodable {
        let id: String
        let full_number: String
    }

    struct Links: Encodable {
        let pdf: String
        let xml: String
        let cdr: String
        let `public`: String
    }

    let id: String
    let type: String
    let series: String
    let number: Int?
    let full_number: String?
    let status: String
    let sandbox: Bool
    let issue_date: String
    let currency: String
    let customer: CustomerPart
    let items: [Item]
    let totals: Totals
    let hash: String?
    let sunat: SUNAT?
    let reference: Reference?
    let void_reason: String?
    let status_url: String
    let links: Links
    let created_at: Date

    init(_ record: InvoiceRecord, reference: InvoiceRecord?, baseURL: String) throws {
        let id = try record.requireID()
        let url = "\(baseURL)/api/v1/invoices/\(id.uuidString.lowercased())"
        let money = { (cents: Int64) in Money(cents: cents).decimalText }
        self.id = id.lowercased
        type = record.documentType
        series = record.series
        number = record.number
        full_number = record.fullNumber
        status = record.status.rawValue
        sandbox = record.isSandbox
        issue_date = record.issueDate
        currency = record.currency
        customer = CustomerPart(id: record.customerID?.lowercased, document_type: record.customerDocumentType,
                                document_number: record.customerDocumentNumber, name: record.customerName, email: record.customerEmail)
        items = DocumentItem.decode(record.itemsJSON).map { item in
            let gross = Rounding.halfUp(item.quantityValue * item.unitPriceValue, scale: 2)
            return Item(description: item.description, quantity: item.quantity, unit_price: item.unitPrice, unit_code: item.unitCode,
                        tax: item.tax.rawValue, total: DecimalText.fixed(gross, scale: 2))
        }
        totals = Totals(taxable: money(record.taxableCents), exempt: money(record.exemptCents),
                        unaffected: money(record.unaffectedCents), igv: money(record.igvCents), total: money(record.totalCents))
        hash = record.hash
        sunat = record.sunatDescription == nil && record.sunatCode == nil ? nil : SUNAT(
            code: record.sunatCode, description: record.sunatDescription,
            notes: (record.sunatNotes ?? "").split(separator: "\n").map(String.init))
        self.reference = try reference.flatMap { ref in try ref.fullNumber.map { Reference(id: try ref.requireID().lowercased, full_number: $0) } }
        void_reason = record.voidReason
        status_url = url
        links = Links(pdf: url + "/pdf", xml: url + "/xml", cdr: url + "/cdr", public: PublicDocumentPages.url(record, baseURL: baseURL))
        created_at = record.createdAt
    }
}

struct CustomerDTO: Encodable {
    func encode(to encoder: any Encoder) throws { try NullKeepingEncoding.encode(self, to: encoder) }

    let id: String
    let document_type: String
    let document_number: String
    let name: String
    let email: String?
    let phone: String?
    let address: String?
    let created_at: Date

    init(_ customer: InvoiceCustomer) throws {
        id = try customer.requireID().lowercased
        document_type = customer.documentType
        document_number = customer.documentNumber
        name = customer.name
        email = customer.email
        phone = customer.phone
        address = customer.address
        created_at = customer.createdAt ?? Date()
    }
}

struct ListDTO<Item: Encodable>: Encodable {
    func encode(to encoder: any Encoder) throws { try NullKeepingEncoding.encode(self, to: encoder) }

    let data: [Item]
    let next_cursor: String?
}

extension UUID {
    /// The API writes ids in lowercase (Swift's `uuidString` is uppercase).
    var lowercased: String { uuidString.lowercased() }
}

/// The API writes every property, `null` when empty (synthesized `Encodable` leaves nil ones
/// out, which the OpenAPI document's `required` lists forbid).
enum NullKeepingEncoding {
    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func encode<T: Encodable>(_ value: T, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, let property = child.value as? any Encodable else { continue }
            try container.encode(property, forKey: Key(stringValue: label))
        }
    }
}
