import Foundation
import SUNATClient
import Testing

@Suite("sendBill request: SOAP envelope and WS-Security")
struct SendBillEnvelopeTests {
    @Test func envelopeCarriesOperationFileNameAndUsernameToken() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let (name, zip) = try Samples.invoiceZip(number: 1)
        let outcome = await fake.client().sendBill(fileName: name, zip: zip)

        #expect(outcome.isAccepted)
        let request = try #require(try await fake.requests().only)
        #expect(request.method == "POST")
        #expect(request.path == "/ol-ti-itcpfegem-beta/billService")
        #expect(request.operation == "sendBill")
        #expect(request.status == 200)
        #expect(request.headers["soapaction"] == "\"urn:sendBill\"")
        #expect(request.headers["content-type"] == "text/xml; charset=utf-8")
        let body = request.body
        #expect(body.contains("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""))
        #expect(body.contains("xmlns:ser=\"http://service.sunat.gob.pe\""))
        #expect(body.contains("<wsse:Username>20000000001MODDATOS</wsse:Username>"))
        let passwordText =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
        #expect(body.contains("<wsse:Password Type=\"\(passwordText)\">moddatos</wsse:Password>"))
        let operation = "<ser:sendBill><fileName>\(name).zip</fileName>"
            + "<contentFile>\(zip.base64EncodedString())</contentFile></ser:sendBill>"
        #expect(body.contains(operation))
    }

    @Test func passwordWithXMLCharactersIsEscapedAndAccepted() async throws {
        let password = "a&b<c>\"d'é"
        let fake = try FakeSUNAT(password: password)
        defer { fake.stop() }
        let (name, zip) = try Samples.invoiceZip(number: 2)
        let outcome = await fake.client(password: password).sendBill(fileName: name, zip: zip)

        #expect(outcome.isAccepted)
        let body = try #require(try await fake.requests().only).body
        #expect(body.contains(">a&amp;b&lt;c&gt;&quot;d&apos;é</wsse:Password>"))
    }

    @Test func wrongCredentialsAreException0102() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let (name, zip) = try Samples.invoiceZip(number: 3)
        let outcome = await fake.client(password: "wrong").sendBill(fileName: name, zip: zip)

        guard case .exception(let code, let message) = outcome else {
            Issue.record("expected an exception, got \(outcome)")
            return
        }
        #expect(code == 102)
        #expect(message.contains("Usuario o contraseña incorrectos"))
        #expect(!message.contains("wrong"))
    }

    @Test func zipWhoseEntryDoesNotMatchTheFileNameIsRefusedBySUNAT() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let zip = try DocumentPackage.zip(name: Samples.invoiceName(number: 5), signedXML: Samples.invoice(number: 5))
        let outcome = await fake.client().sendBill(fileName: Samples.invoiceName(number: 6), zip: zip)

        #expect(outcome.code == 161)
        #expect(outcome.cdr == nil)
        #expect(!outcome.isAccepted)
    }
}
