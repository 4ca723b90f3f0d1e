import Crypto
import EInvoiceEngine
import EInvoicingXML
import Foundation
import SUNATClient
import TestSupport
import Testing

/// The engine's output, zipped and sent as the platform will: the fake SUNAT checks that
/// file name, zip entry and content agree (rules 1034–1036) and answers a CDR.
@Suite("Engine documents sent to the fake SUNAT")
struct EngineToSUNATTests {
    private func input(_ name: String) throws -> DocumentInput {
        let url = PythonHelper.root.appendingPathComponent("docs/examples/einvoice/\(name).json")
        return try DocumentInput.decode(json: Data(contentsOf: url))
    }

    private func signer() throws -> EInvoiceSigner {
        let files = try TestCertificates.shared.get()
        return EInvoiceSigner(certificate: try .pkcs12(files.data("cert.p12"), password: TestCertificates.password))
    }

    @Test func signedFacturaIsAcceptedAndTheZippedBytesAreTheSignedOnes() async throws {
        guard case .invoice(let document) = try input("factura") else { throw Shell.Failure(description: "not a factura") }
        let signed = try signer().sign(document)
        let fake = try FakeSUNAT(ruc: document.issuer.ruc)
        defer { fake.stop() }
        let zip = try DocumentPackage.zip(name: signed.fileName, signedXML: signed.xml)
        let outcome = await fake.client().sendBill(fileName: signed.fileName + ".zip", zip: zip)
        guard case .accepted(let cdr) = outcome else {
            Issue.record("expected accepted, got \(outcome)")
            return
        }
        #expect(cdr.referenceID == "F001-123")
        #expect(try SchemaValidator.validate(cdr.xml, against: .applicationResponse) == [])
        let sent = try #require(try await fake.requests().only?.document)
        #expect(sent.entry == "20100070970-01-F001-123.xml")
        #expect(sent.sha256 == SHA256.hash(data: signed.xml).map { String(format: "%02x", $0) }.joined())
    }

    @Test func signedDailySummaryGetsATicketThatResolves() async throws {
        guard case .dailySummary(let summary) = try input("resumen-diario") else { throw Shell.Failure(description: "not an RC") }
        let signed = try signer().sign(summary)
        let fake = try FakeSUNAT(ruc: summary.issuer.ruc)
        defer { fake.stop() }
        let client = fake.client()
        let zip = try DocumentPackage.zip(name: signed.fileName, signedXML: signed.xml)
        let ticket = try await client.sendSummary(fileName: signed.fileName + ".zip", zip: zip).get()
        let status = await client.waitForTicket(ticket, maxAttempts: 5, initialDelay: .milliseconds(50))
        guard case .done(.accepted) = status else {
            Issue.record("expected an accepted summary, got \(status)")
            return
        }
    }
}
