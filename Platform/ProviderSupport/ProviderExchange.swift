import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP exchange with a third-party API, with a deadline that covers the body too.
/// Each client target turns a `Failure` into its own error type (and retry advice).
public enum ProviderExchange {
    public struct Answer: Sendable {
        public let status: Int
        public let headers: HTTPHeaders
        public let body: [UInt8]

        public var isSuccess: Bool { (200..<300).contains(status) }
    }

    public enum Failure: Error, Sendable {
        /// No response head within the timeout.
        case timeout(TimeInterval)
        /// The request can never be sent (malformed URL or header): a configuration problem.
        case unsendable(String)
        /// Connection refused or reset: may pass later.
        case connection(String)
        /// The head arrived but the body did not, or broke off; `timedOut` when the deadline passed.
        case unreadableBody(status: Int, detail: String, timedOut: Bool)
    }

    /// Provider error bodies are small; a larger one is a proxy page we only need the start of.
    /// (SUNAT's CDR zips ask for more.)
    public static let maxBody = 1 << 20

    /// `timeout` covers the whole exchange, body included: AsyncHTTPClient's deadline stops
    /// at the response head, and a provider that stalls mid-body must not hang a worker.
    public static func send(
        _ request: HTTPClientRequest, timeout: TimeInterval, using client: HTTPClient, maxBody: Int = maxBody
    ) async throws(Failure) -> Answer {
        let nanoseconds = Int64(max(timeout, 0.001) * 1_000_000_000)
        let deadline = NIODeadline.now() + .nanoseconds(nanoseconds)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: deadline)
        } catch {
            if isTimeout(error) { throw .timeout(timeout) }
            if isPermanent(error) { throw .unsendable("\(error)") }
            throw .connection("\(error)")
        }
        let status = Int(response.status.code)
        do {
            let body = try await collect(response, upTo: maxBody, until: deadline)
            return Answer(status: status, headers: response.headers, body: body)
        } catch {
            throw .unreadableBody(status: status, detail: "\(error)", timedOut: isTimeout(error))
        }
    }

    private static func collect(
        _ response: HTTPClientResponse, upTo maxBody: Int, until deadline: NIODeadline
    ) async throws -> [UInt8] {
        try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                let buffer = try await response.body.collect(upTo: maxBody)
                return Array(buffer.readableBytesView)
            }
            group.addTask {
                let left = deadline - .now()
                if left > .zero { try await Task.sleep(nanoseconds: UInt64(left.nanoseconds)) }
                return nil
            }
            defer { group.cancelAll() }
            guard let body = try await group.next() ?? nil else {
                throw HTTPClientError.deadlineExceeded
            }
            return body
        }
    }

    /// A malformed base URL or header value fails every time; anything else on the wire may pass later.
    private static func isPermanent(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return false }
        if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return true }
        let name = error.description
        return ["unsupportedScheme", "invalidHeaderField"].contains { name.contains($0) }
    }

    private static func isTimeout(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return false }
        return [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error)
    }
}
