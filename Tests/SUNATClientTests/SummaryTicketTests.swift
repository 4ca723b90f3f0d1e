import Foundation
import SUNATClient
import Testing

@Suite("sendSummary and ticket polling")
struct SummaryTicketTests {
    private func ticket(_ fake: FakeSUNAT, correlative: Int) async throws -> String {
        let (name, zip) = try Samples.summaryZip(correlative: correlative)
        return try await fake.client().sendSummary(fileName: name, zip: zip).get()
    }

    @Test func sendSummaryReturnsTheTicket() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let ticket = try await ticket(fake, correlative: 1)

        #expect(ticket.count == 13 && ticket.allSatisfy(\.isNumber))
        let request = try #require(try await fake.requests().only)
        #expect(request.operation == "sendSummary")
        #expect(request.headers["soapaction"] == "\"urn:sendSummary\"")
        #expect(request.document?.entry == "20000000001-RC-20250115-1.xml")
    }

    @Test func getStatusAnswersProcessingWhileSUNATSays98() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let ticket = try await ticket(fake, correlative: 1)
        #expect(await fake.client().getStatus(ticket: ticket) == .processing)

        let request = try #require(try await fake.requests().last)
        #expect(request.operation == "getStatus")
        #expect(request.body.contains("<ser:getStatus><ticket>\(ticket)</ticket></ser:getStatus>"))
    }

    @Test func waitForTicketPollsWithBackoffUntilResolved() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let ticket = try await ticket(fake, correlative: 1)
        let started = ContinuousClock.now
        let status = await fake.client().waitForTicket(ticket, maxAttempts: 5, initialDelay: .milliseconds(100))
        let elapsed = ContinuousClock.now - started

        guard case .done(.accepted(let cdr)) = status else {
            Issue.record("expected an accepted summary, got \(status)")
            return
        }
        #expect(cdr.referenceID == ticket)
        let polls = try await fake.requests().filter { $0.operation == "getStatus" }
        #expect(polls.count == 3)
        // Two waits: 100 ms, then 200 ms.
        #expect(elapsed >= .milliseconds(300))
    }

    @Test func waitForTicketGivesUpAfterMaxAttempts() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let ticket = try await ticket(fake, correlative: 98)
        let status = await fake.client().waitForTicket(ticket, maxAttempts: 3, initialDelay: .milliseconds(10))

        #expect(status == .processing)
        #expect(try await fake.requests().filter { $0.operation == "getStatus" }.count == 3)
    }

    @Test func status99WithRejectionCDRIsARejectedSummary() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let ticket = try await ticket(fake, correlative: 99)
        let status = await fake.client().waitForTicket(ticket, maxAttempts: 4, initialDelay: .milliseconds(10))

        guard case .done(.rejected(let code, let message, let cdr)) = status else {
            Issue.record("expected a rejected summary, got \(status)")
            return
        }
        #expect(code == 2223)
        #expect(message == "El archivo ya fue presentado anteriormente")
        #expect(cdr?.responseCode == 2223)
    }

    @Test func unknownTicketIsAnUnknownStatusWith0127() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let status = await fake.client().waitForTicket("1234567890123", maxAttempts: 3, initialDelay: .milliseconds(10))

        #expect(status == .unknown(code: 127, message: "El ticket no existe"))
        #expect(try await fake.requests().count == 1)
    }

    @Test func summaryRefusedBySUNATIsAFailure() async throws {
        let fake = try FakeSUNAT()
        defer { fake.stop() }
        let (_, zip) = try Samples.summaryZip(correlative: 1)
        let result = await fake.client(password: "wrong").sendSummary(fileName: "20000000001-RC-20250115-1", zip: zip)

        #expect(result == .failure(.exception(code: 102, message: "Usuario o contraseña incorrectos")))
    }
}
