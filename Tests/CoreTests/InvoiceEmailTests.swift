@testable import Core
import Fluent
import Foundation
@testable import Invoicing
@testable import Notifications
import SMTPClient
import TestSupport
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct InvoiceEmailTests {}
}

extension AllTests.InvoiceEmailTests {
    /// The customer's mail, through a real SMTP server: the PDF and the signed XML attached,
    /// the PDF readable by pdfplumber with its number and total, the XML byte for byte the one
    /// stored, the public link working without an account.
    @Test func theCustomerGetsThePDFAndXMLByMailAndThroughThePublicLink() async throws {
        let sink = try SMTPSink()
        let smtp: (inout NotificationSettings) -> Void = { $0.smtp = try! SMTPSettings(url: sink.url, caFile: sink.certificate) }
        try await withTestApp(notifications: smtp) { app in
            let business = try await makeBusiness(app, name: "Bodega Rosa", email: "rosa@example.pe")
            let key = try await makeAPIKey(app, business)
            let body = facturaBody.replacingOccurrences(of: #""type": "01","#, with: #""type": "01", "send_email": true,"#)
            let invoice = try await apiPost(app, "/api/v1/invoices", key: key, json: body).json()
            let id = try #require(invoice["id"] as? String)
            let delivered = try await sink.deliver(app, atLeast: 1)
            let mail = try #require(delivered.mails.first, "failed deliveries: \(delivered.errors)")
            #expect(mail.envelope_to == ["compras@anianos.pe"])
            #expect(mail.subject == "Factura electrónica F001-1 de Bodega Rosa")
            #expect(mail.defects.isEmpty, "\(mail.defects)")
            #expect(mail.attachments.map(\.filename) == ["20100070970-01-F001-1.pdf", "20100070970-01-F001-1.xml"])
            let pdf = try #require(mail.attachments.first?.data)
            let text = try PDFProbe.read(pdf).text.joined(separator: "\n")
            #expect(text.contains("F001-1"), "\(text)")
            #expect(text.contains("57.20"), "the total is printed: \(text)")
            let record = try #require(try await InvoiceRecord.find(UUID(uuidString: id), on: app.db))
            #expect(mail.attachments.last?.data == record.xml, "the XML sent is the one signed and stored")
            let link = try #require((invoice["links"] as? [String: String])?["public"])
            #expect(mail.text?.contains(link) == true, "the mail carries the public link")

            let path = String(link.dropFirst("http://localhost:8080".count))
            let page = try await app.testing().sendRequest(.GET, path)
            #expect(page.status == .ok && page.body.string.contains("F001-1") && page.body.string.contains("S/ 57.20"))
            let publicPDF = try await app.testing().sendRequest(.GET, path + "/pdf")
            #expect(publicPDF.headers.contentType?.description.hasPrefix("application/pdf") == true)
            #expect(try await app.testing().sendRequest(.GET, path + "/xml").body.string == String(decoding: record.xml ?? Data(), as: UTF8.self))
            #expect(try await app.testing().sendRequest(.GET, "/d/" + String(repeating: "x", count: 43)).status == .notFound)
        }
    }
}
