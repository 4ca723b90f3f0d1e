import Core
import EInvoicing
import Fluent
import Foundation
import Shared
import Vapor

/// E-mailing a document to its customer: the PDF and the signed XML attached, the business's
/// name as sender and a template the business can edit (Notificaciones → Plantillas). Runs as
/// a job, since printing takes a moment and the request should not wait for it.
enum InvoiceMail {
    static let template = NotificationTemplate(
        "invoicing.document",
        LocalizedText(es: "Comprobante electrónico para el cliente (PDF y XML adjuntos)",
                      en: "Electronic document for the customer (PDF and XML attached)"),
        parameters: ["customer", "business", "document", "total", "date", "link"],
        content: [
            .es: .init(
                subject: "{{document}} de {{business}}",
                body: """
                    Hola {{customer}},

                    {{business}} le envía su {{document}} del {{date}} por {{total}}.
                    Adjuntamos el PDF y el XML firmado. También puede descargarlos aquí:

                    {{link}}

                    Gracias por su preferencia.
                    """),
            .en: .init(
                subject: "{{document}} from {{business}}",
                body: """
                    Hello {{customer}},

                    {{business}} sends you its {{document}} of {{date}} for {{total}}.
                    The PDF and the signed XML are attached. You can also download them here:

                    {{link}}

                    Thank you.
                    """),
        ])

    struct Payload: Codable, Sendable {
        let documentID: UUID
        /// Another address than the customer's (the "send to" field of the page).
        let email: String?
        let format: String?
    }

    static let kind = JobKind<Payload>("invoicing.email")

    static func enqueue(_ record: InvoiceRecord, email: String? = nil, format: InvoicePrinter.Format? = nil,
                        now: Date, on db: any Database) async throws {
        _ = try await JobQueue.enqueue(kind, Payload(documentID: try record.requireID(), email: email, format: format?.rawValue),
                                       tenantID: record.tenantID, runAt: now, on: db)
    }

    static var handler: JobHandler {
        JobHandler(kind) { payload, context in
            guard let record = try await InvoiceRecord.find(payload.documentID, on: context.db),
                  let tenant = try await Tenant.find(record.tenantID, on: context.db) else {
                throw PermanentJobError("document \(payload.documentID) is gone")
            }
            let profile = try await InvoicingProfile.query(on: context.db).filter(\.$tenantID == record.tenantID).first()
            let format = payload.format.flatMap(InvoicePrinter.Format.init(rawValue:)) ?? InvoicePrinter.Format(rawValue: profile?.pdfFormat ?? "a4") ?? .a4
            let request = try request(for: record, tenant: tenant, email: payload.email, format: format, profile: profile,
                                      baseURL: context.application.config.baseURL)
            try await context.commit { tx in
                try await context.application.notifier.send(request, on: tx)
            }
        }
    }

    static func request(
        for record: InvoiceRecord, tenant: Tenant, email: String?, format: InvoicePrinter.Format, profile: InvoicingProfile?, baseURL: String
    ) throws -> NotificationRequest {
        let pdf = try InvoicePrinter.pdf(record, profile: profile, format: format)
        let label = "\(DocumentLabels.name(record.kind, .es)) \(record.fullNumber ?? "")"
        return NotificationRequest(
            template: template.id,
            to: NotificationRecipient(name: record.customerName, email: email ?? record.customerEmail),
            channel: .email,
            parameters: [
                "customer": record.customerName, "business": profile?.tradeName ?? tenant.displayName, "document": label,
                "total": Money(cents: record.totalCents, currency: Currency(rawValue: record.currency) ?? .pen).formatted,
                "date": LimaDate.parse(record.issueDate)?.formatted ?? record.issueDate,
                "link": PublicDocumentPages.url(record, baseURL: baseURL),
            ],
            tenantID: record.tenantID,
            attachments: [
                NotificationAttachment(filename: InvoicePrinter.fileName(record, extension: "pdf"), contentType: "application/pdf", data: pdf),
                NotificationAttachment(filename: InvoicePrinter.fileName(record, extension: "xml"), contentType: "application/xml",
                                       data: record.xml ?? Data()),
            ])
    }
}

/// Names of the document types, as the pages and mails print them.
enum DocumentLabels {
    static func name(_ kind: DocumentKind, _ language: Language) -> String {
        switch (kind, language) {
        case (.factura, .es): "Factura electrónica"
        case (.boleta, .es): "Boleta de venta electrónica"
        case (.notaCredito, .es): "Nota de crédito electrónica"
        case (.notaDebito, .es): "Nota de débito electrónica"
        case (.factura, .en): "Electronic invoice (factura)"
        case (.boleta, .en): "Electronic sales receipt (boleta)"
        case (.notaCredito, .en): "Electronic credit note"
        case (.notaDebito, .en): "Electronic debit note"
        }
    }
}
