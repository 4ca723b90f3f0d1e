import Foundation
import SUNATClient
import Testing

@Suite("getStatusCdr on the consult service")
struct GetStatusCdrTests {
    @Test func returnsTheCDROfASentDocument() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let (name, zip) = try Samples.invoiceZip(number: 4287)
        let sent = await fake.client().sendBill(fileName: name, zip: zip)
        let consulted = await fake.client().getStatusCdr(ruc: FakeSUNAT.ruc, type: "01", series: "F001", number: 4287)

        #expect(consulted == sent)
        guard case .acceptedWithObservations = consulted else {
            Issue.record("expected observations, got \(consulted)")
            return
        }
        let request = try #require(try await fake.requests().last)
        #expect(request.path == "/ol-it-wsconscpegem-beta/billConsultService")
        #expect(request.headers["soapaction"] == "\"urn:getStatusCdr\"")
        let operation = "<ser:getStatusCdr><rucComprobante>20000000001</rucComprobante>"
            + "<tipoComprobante>01</tipoComprobante><serieComprobante>F001</serieComprobante>"
            + "<numeroComprobante>4287</numeroComprobante></ser:getStatusCdr>"
        #expect(request.body.contains(operation))
    }

    @Test func rejectedDocumentsKeepTheirRejection() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let (name, zip) = try Samples.invoiceZip(number: 2800)
        _ = await fake.client().sendBill(fileName: name, zip: zip)
        let consulted = await fake.client().getStatusCdr(ruc: FakeSUNAT.ruc, type: "01", series: "F001", number: 2800)

        #expect(consulted.code == 2800)
        #expect(consulted.cdr != nil)
    }

    @Test func unknownDocumentIsAnExceptionWithSUNATsStatus() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let consulted = await fake.client().getStatusCdr(ruc: FakeSUNAT.ruc, type: "01", series: "F001", number: 77)

        #expect(consulted == .exception(code: 11, message: "El comprobante de pago electronico no existe"))
    }

    @Test func wrongCredentialsAreAnExceptionOnConsultToo() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let consulted = await fake.client(user: "OTHER").getStatusCdr(
            ruc: FakeSUNAT.ruc, type: "01", series: "F001", number: 1)

        #expect(consulted == .exception(code: 102, message: "Usuario o contraseña incorrectos"))
    }
}
