import Core
import Fluent
import Foundation
import Shared

/// What every invoice event tells a webhook consumer: enough to act (and to fetch the PDF)
/// without another call.
public struct InvoiceEventData: Codable, Sendable, Equatable {
    public let id: UUID
    public let type: String
    public let full_number: String?
    public let status: String
    public let total: String
    public let currency: String
    public let customer_document: String
    public let sandbox: Bool
    public let sunat_code: String?

    init(_ record: InvoiceRecord) throws {
        id = try record.requireID()
        type = record.documentType
        full_number = record.fullNumber
        status = record.status.rawValue
        total = Money(cents: record.totalCents).decimalText
        currency = record.currency
        customer_document = record.customerDocumentNumber
        sandbox = record.isSandbox
        sunat_code = record.sunatCode
    }
}


public struct InvoiceIssued: PayloadEvent {
    public static let eventType = EventType("invoice.issued", .init(es: "Comprobante emitido (firmado)", en: "Document issued (signed)"))
    public let data: InvoiceEventData
}

public struct InvoiceAccepted: PayloadEvent {
    public static let eventType = EventType("invoice.accepted", .init(es: "Comprobante aceptado por SUNAT", en: "Document accepted by SUNAT"))
    public let data: InvoiceEventData
}

public struct InvoiceRejected: PayloadEvent {
    public static let eventType = EventType("invoice.rejected", .init(es: "Comprobante rechazado por SUNAT", en: "Document rejected by SUNAT"))
    public let data: InvoiceEventData
}

public struct InvoiceVoided: PayloadEvent {
    public static let eventType = EventType("invoice.voided", .init(es: "Comprobante anulado", en: "Document voided"))
    public let data: InvoiceEventData
}

enum InvoiceEvents {
    enum Kind { case issued, accepted, rejected, voided }

    static let types = [InvoiceIssued.eventType, InvoiceAccepted.eventType, InvoiceRejected.eventType, InvoiceVoided.eventType]

    /// Emits the event in `db`'s transaction, so it exists exactly when the change does.
    static func emit(_ kind: Kind, _ record: InvoiceRecord, at now: Date, on db: any Database) async throws {
        let data = try InvoiceEventData(record)
        let tenantID = record.tenantID
        switch kind {
        case .issued: try await DomainEvents.emit(InvoiceIssued(data: data), tenantID: tenantID, at: now, on: db)
        case .accepted: try await DomainEvents.emit(InvoiceAccepted(data: data), tenantID: tenantID, at: now, on: db)
        case .rejected: try await DomainEvents.emit(InvoiceRejected(data: data), tenantID: tenantID, at: now, on: db)
        case .voided: try await DomainEvents.emit(InvoiceVoided(data: data), tenantID: tenantID, at: now, on: db)
        }
    }
}
