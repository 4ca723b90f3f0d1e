import AsyncHTTPClient
import Foundation
import NIOCore
import ProviderSupport

/// One SOAP exchange over HTTP. SOAP 1.1 servers answer faults with HTTP 500, so the body is
/// read whatever the status; the caller decides what a non-fault error body means.
struct SOAPTransport: Sendable {
    struct Answer: Sendable {
        let status: Int
        let body: Data
    }

    struct Failure: Error, Sendable {
        let message: String
    }

    /// CDR zips are small; a larger body is not an answer worth reading.
    static let maxBody = 16 << 20

    let httpClient: HTTPClient
    let timeout: TimeInterval

    /// `timeout` covers the whole exchange, body included: AsyncHTTPClient's deadline stops at
    /// the response head, and a SUNAT that stalls mid-body must not hang a worker.
    func post(_ envelope: SOAPEnvelope, credentials: SOLCredentials, to url: String) async throws(Failure) -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/xml; charset=utf-8")
        request.headers.add(name: "SOAPAction", value: "\"\(envelope.soapAction)\"")
        request.body = .bytes(ByteBuffer(string: envelope.xml(credentials: credentials)))
        do {
            let answer = try await ProviderExchange.send(request, timeout: timeout, using: httpClient, maxBody: Self.maxBody)
            return Answer(status: answer.status, body: Data(answer.body))
        } catch {
            throw Failure(message: describe(error))
        }
    }

    /// Never includes the request: it carries the clave SOL.
    private func describe(_ failure: ProviderExchange.Failure) -> String {
        switch failure {
        case .timeout, .unreadableBody(_, _, timedOut: true): "no answer from SUNAT within \(timeout) s"
        case .unsendable(let detail), .connection(let detail), .unreadableBody(_, let detail, _): "cannot reach SUNAT: \(detail)"
        }
    }
}
