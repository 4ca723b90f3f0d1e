import Foundation
import SUNATClient
import Testing

@Suite("sendBill outcomes against the fake SUNAT")
struct SendBillOutcomeTests {
    private func send(number: Int, timeout: TimeInterval = 60) async throws -> SendOutcome {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let (name, zip) = try Samples.invoiceZip(number: number)
        return await fake.client(timeout: timeout).sendBill(fileName: name, zip: zip)
    }

    @Test func acceptedCarriesTheCDR() async throws {
        let outcome = try await send(number: 1)
        guard case .accepted(let cdr) = outcome else {
            Issue.record("expected accepted, got \(outcome)")
            return
        }
        #expect(cdr.responseCode == 0)
        #expect(cdr.referenceID == "F001-1")
        #expect(cdr.description == "La Factura numero F001-1, ha sido aceptada")
        #expect(cdr.notes.isEmpty)
        #expect(String(decoding: cdr.xml, as: UTF8.self).contains("<ar:ApplicationResponse"))
    }

    @Test func codeZeroWithNotesIsAcceptedWithObservationsAndKeepsThem() async throws {
        let outcome = try await send(number: 4287)
        guard case .acceptedWithObservations(let cdr) = outcome else {
            Issue.record("expected observations, got \(outcome)")
            return
        }
        #expect(cdr.responseCode == 0)
        #expect(cdr.observationCodes == [4287, 4290])
        #expect(cdr.notes.first == "4287 - El precio unitario ingresado no coincide con el valor calculado")
    }

    @Test func code4000AndUpIsAcceptedWithObservations() async throws {
        let outcome = try await send(number: 4252)
        guard case .acceptedWithObservations(let cdr) = outcome else {
            Issue.record("expected observations, got \(outcome)")
            return
        }
        #expect(cdr.responseCode == 4252)
        #expect(cdr.observationCodes == [4252])
    }

    @Test func rejectionInTheCDRBurnsTheNumber() async throws {
        let outcome = try await send(number: 2800)
        guard case .rejected(let code, let message, let cdr) = outcome else {
            Issue.record("expected rejected, got \(outcome)")
            return
        }
        #expect(code == 2800)
        #expect(message.hasPrefix("El dato ingresado en el tipo de documento de identidad del receptor"))
        #expect(cdr?.responseCode == 2800)
    }

    @Test func rejectionInAFaultHasNoCDR() async throws {
        let outcome = try await send(number: 2335)
        let message = "El documento electrónico ingresado ha sido alterado"
        #expect(outcome == .rejected(code: 2335, message: message, cdr: nil))
    }

    @Test func faultCodeInFaultcodeIsAnException() async throws {
        let outcome = try await send(number: 306)
        #expect(outcome == .exception(code: 306, message: "No se puede leer (parsear) el archivo XML"))
    }

    @Test func faultCodeOnlyInFaultstringIsFound() async throws {
        let outcome = try await send(number: 130)
        guard case .exception(let code, let message) = outcome else {
            Issue.record("expected an exception, got \(outcome)")
            return
        }
        #expect(code == 130)
        #expect(message.contains("No se pudo obtener el ticket de proceso"))
    }

    @Test func http500WithoutSOAPIsAnException() async throws {
        let outcome = try await send(number: 500)
        guard case .exception(let code, let message) = outcome else {
            Issue.record("expected an exception, got \(outcome)")
            return
        }
        #expect(code == nil)
        #expect(message.contains("HTTP 500"))
        #expect(message.contains("Proxy error"))
    }

    @Test func unreachableServerIsAnException() async throws {
        let client = SUNATClient(
            endpoints: SUNATEndpoints(bill: "http://127.0.0.1:1/billService", consult: "http://127.0.0.1:1/c"),
            credentials: SOLCredentials(ruc: FakeSUNAT.ruc, user: FakeSUNAT.user, password: "secret-clave"),
            httpClient: .shared, timeout: 2)
        let (name, zip) = try Samples.invoiceZip(number: 1)
        let outcome = await client.sendBill(fileName: name, zip: zip)

        guard case .exception(nil, let message) = outcome else {
            Issue.record("expected an exception without code, got \(outcome)")
            return
        }
        #expect(message.contains("cannot reach SUNAT"), "\(message)")
        #expect(!message.contains("secret-clave"))
    }

    @Test func timeoutIsAnExceptionAndTheCDRCanBeAskedForAfterwards() async throws {
        // The fake answers after 60 s, far beyond the 1 s timeout even on a loaded machine.
        let fake = try FakeSUNAT(slowSeconds: 60)
        defer { fake.stop() }
        let (name, zip) = try Samples.invoiceZip(number: 999)
        let started = ContinuousClock.now
        let outcome = await fake.client(timeout: 1).sendBill(fileName: name, zip: zip)
        let elapsed = ContinuousClock.now - started

        #expect(outcome == .exception(code: nil, message: "no answer from SUNAT within 1.0 s"))
        #expect(elapsed >= .milliseconds(900), "the client waited for its timeout")
        // SUNAT registered it before the answer was lost: the consult service has its CDR.
        let consulted = await fake.client().getStatusCdr(ruc: FakeSUNAT.ruc, type: "01", series: "F001", number: 999)
        #expect(consulted.isAccepted)
        #expect(consulted.cdr?.referenceID == "F001-999")
    }

    @Test func aBodyThatStallsMidwayTimesOutToo() async throws {
        let fake = try FakeSUNAT(slowSeconds: 60)
        defer { fake.stop() }
        let (name, zip) = try Samples.invoiceZip(number: 998)
        let outcome = await fake.client(timeout: 1).sendBill(fileName: name, zip: zip)

        #expect(outcome == .exception(code: nil, message: "no answer from SUNAT within 1.0 s"))
        #expect(try await fake.requests().only?.status == 200)
    }
}
