import AsyncHTTPClient
import Foundation
import NIOCore

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
        let deadline = NIODeadline.now() + .nanoseconds(Int64(max(timeout, 0.001) * 1_000_000_000))
        do {
            let response = try await httpClient.execute(request, deadline: deadline)
            let body = try await collect(response, until: deadline)
            return Answer(status: Int(response.status.code), body: body)
        } catch {
            throw Failure(message: describe(error))
        }
    }

    private func collect(_ response: HTTPClientResponse, until deadline: NIODeadline) async throws -> Data {
        try await withThrowingTaskGroup(of: Data?.self) { group in
            group.addTask {
                let buffer = try await response.body.collect(upTo: Self.maxBody)
                return Data(buffer.readableBytesView)
            }
            group.addTask {
                let left = deadline - .now()
                if left > .zero { try await Task.sleep(nanoseconds: UInt64(left.nanoseconds)) }
                return nil
            }
            defer { group.cancelAll() }
            guard let body = try await group.next() ?? nil else { throw HTTPClientError.deadlineExceeded }
            return body
        }
    }

    /// Never includes the request: it carries the clave SOL.
    private func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError,
            [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error)
        {
            return "no answer from SUNAT within \(timeout) s"
        }
        return "cannot reach SUNAT: \(error)"
    }
}
