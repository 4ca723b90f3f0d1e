import AsyncHTTPClient
import Core
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Makes the HTTP call of one attempt. Never follows redirects (a 3xx is a failure, and could
/// lead into our network) and gives up after `timeout` seconds in all.
struct WebhookSender: Sendable {
    struct Outcome: Sendable {
        var status: Int?
        var durationMs: Int
        var excerpt: String?
        var error: String?

        var isSuccess: Bool { status.map { (200..<300).contains($0) } ?? false }
    }

    /// The part of a response body kept in the delivery log.
    static let excerptLimit = 1024

    let client: HTTPClient
    let policy: WebhookURLPolicy
    let timeout: TimeInterval

    func send(to endpoint: WebhookEndpoint, messageID: String, body: String, timestamp: Int, secrets: [String]) async -> Outcome {
        let started = ContinuousClock.now
        func elapsed() -> Int {
            let d = ContinuousClock.now - started
            return Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
        }
        do {
            guard let host = URL(string: endpoint.url)?.host else { throw WebhookURLPolicy.Violation.noHost }
            if !policy.allowsPrivateAddresses {
                try await NIOThreadPool.singleton.runIfActive { try policy.checkResolved(host: host) }
            }
            var request = HTTPClientRequest(url: endpoint.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "Multinicho-Webhooks/1.0")
            request.headers.add(name: "webhook-id", value: messageID)
            request.headers.add(name: "webhook-timestamp", value: String(timestamp))
            request.headers.add(name: "webhook-signature", value: WebhookSignature.header(
                messageID: messageID, timestamp: timestamp, body: body, secrets: secrets))
            if let name = endpoint.authHeaderName, !name.isEmpty, let value = endpoint.authHeaderValue {
                request.headers.add(name: name, value: value)
            }
            request.body = .bytes(ByteBuffer(string: body))
            let prepared = request
            let (status, excerpt) = try await withTimeout(timeout) { try await self.execute(prepared) }
            return Outcome(status: status, durationMs: elapsed(), excerpt: excerpt)
        } catch {
            return Outcome(status: nil, durationMs: elapsed(), error: Self.describe(error))
        }
    }

    private func execute(_ request: HTTPClientRequest) async throws -> (Int, String) {
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        var kept = ByteBuffer()
        for try await var chunk in response.body {
            let room = Self.excerptLimit - kept.readableBytes
            if room <= 0 { break }
            if let slice = chunk.readSlice(length: min(room, chunk.readableBytes)) { kept.writeImmutableBuffer(slice) }
        }
        return (Int(response.status.code), String(decoding: kept.readableBytesView, as: UTF8.self))
    }

    private static func describe(_ error: any Error) -> String {
        if let violation = error as? WebhookURLPolicy.Violation { return "refused: \(violation)" }
        if error is TimeoutError { return "timed out" }
        if let client = error as? HTTPClientError, client == .deadlineExceeded || client == .readTimeout {
            return "timed out"
        }
        return String(describing: error)
    }
}

