import EInvoiceEngine
import EInvoicing
import EInvoicingXML
import Foundation
import Shared
import TestSupport
import Testing

@Suite("Bad input to the engine: a typed error naming the field, never XML")
struct EngineErrorTests {
    @Test func expiredCertificateIsRefused() throws {
        let signer = EInvoiceSigner(certificate: try Samples.certificate("expired-cert.pem"))
        #expect {
            try signer.sign(Samples.document("factura"))
        } throws: { error in
            guard case EngineError.certificate(.expired) = error else { return false }
            let engine = error as! EngineError
            return engine.field == "certificate.notAfter" && engine.message.contains("venció el 31/12/2020")
        }
    }

    @Test func certificateOfAnotherCompanyIsRefused() throws {
        let signer = EInvoiceSigner(certificate: try Samples.certificate("other.p12"))
        let expected = EngineError.certificate(.rucMismatch(certificate: TestCertificates.otherRUC, issuer: TestCertificates.ruc))
        #expect(throws: expected) { try signer.sign(Samples.document("boleta")) }
        guard case .voided(let voided) = try Samples.input("comunicacion-baja") else { return }
        #expect(throws: expected) { try signer.sign(voided) }
    }

    @Test func certificateMustBeValidAtSigningTime() throws {
        let certificate = try Samples.certificate()
        let signer = EInvoiceSigner(certificate: certificate)
        #expect(throws: EngineError.certificate(.notYetValid(certificate.notBefore))) {
            try signer.sign(Samples.document("boleta"), now: certificate.notBefore.addingTimeInterval(-60))
        }
    }

    @Test func facturaToACustomerWithoutRUCIsADocumentError() throws {
        var document = try Samples.document("factura")
        document.customer = Customer(documentType: .dni, number: "45678912", name: "ROSA QUISPE")
        #expect {
            try Samples.signer().sign(document)
        } throws: { error in
            let engine = error as! EngineError
            return engine == .document(.customerMustHaveRUC(field: "customer.documentType", rule: "2800"))
                && engine.rule == "2800" && engine.field == "customer.documentType"
        }
    }

    @Test func inconsistentDeclaredTotalIsADocumentError() throws {
        var document = try Samples.document("boleta")
        document.declared = DeclaredTotals(payableAmount: Decimal(string: "50.00"))
        #expect {
            try Samples.signer().sign(document)
        } throws: { error in
            guard case EngineError.document(.declaredAmountMismatch(let field, _, _, let declared)) = error else { return false }
            return field == "declared.payableAmount" && declared == Decimal(string: "50.00")
        }
    }

    @Test func malformedJSONNamesTheKey() throws {
        let json = try String(contentsOf: Samples.url("factura"), encoding: .utf8)
            .replacingOccurrences(of: #""issueDate": "2026-03-02""#, with: #""issueDate": "02/03/2026""#)
        #expect(throws: DocumentInput.DecodingProblem(field: "issueDate", reason: "Invalid date 02/03/2026")) {
            try DocumentInput.decode(json: Data(json.utf8))
        }
        #expect(throws: DocumentInput.DecodingProblem(field: "lines", reason: "is required")) {
            try DocumentInput.decode(json: Data(#"{"kind": "03", "series": "B001", "number": 1, "issueDate": "2026-03-02", "issuer": {"ruc": "20100070970", "legalName": "X", "address": {}}, "customer": {"documentType": "-", "number": "-", "name": "X"}}"#.utf8))
        }
        #expect(throws: DocumentInput.DecodingProblem(field: "type", reason: "unknown summary type \"RR\"; use RC or RA")) {
            try DocumentInput.decode(json: Data(#"{"type": "RR"}"#.utf8))
        }
    }
}
