import AsyncHTTPClient
import Foundation
import NIOCore

/// One HTTP exchange with a provider, turned into a status and a body or a `ProviderError`.
enum ProviderHTTP {
    struct Answer: Sendable {
        let status: Int
        let body: [UInt8]
    }

    /// Provider error bodies are small; a larger one is a proxy page we only need the start of.
    static let maxBody = 1 << 20

    /// `timeout` covers the whole exchange, body included: AsyncHTTPClient's deadline stops
    /// at the response head, and a provider that stalls mid-body must not hang a worker.
    static func send(
        _ request: HTTPClientRequest, timeout: TimeInterval, using client: HTTPClient
    ) async throws(ProviderError) -> Answer {
        let nanoseconds = Int64(max(timeout, 0.001) * 1_000_000_000)
        let deadline = NIODeadline.now() + .nanoseconds(nanoseconds)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: deadline)
        } catch {
            throw transportError(error, timeout: timeout)
        }
        let status = Int(response.status.code)
        do {
            let body = try await collect(response, until: deadline, timeout: timeout)
            return Answer(status: status, body: body)
        } catch {
            throw ProviderError(
                status: status, code: nil, message: "unreadable response body: \(error)",
                isRetryable: ProviderError.isRetryable(status: status) || isTimeout(error))
        }
    }

    private static func collect(
        _ response: HTTPClientResponse, until deadline: NIODeadline, timeout: TimeInterval
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

    private static func transportError(_ error: any Error, timeout: TimeInterval) -> ProviderError {
        if isTimeout(error) {
            return ProviderError(
                status: nil, code: nil, message: "no answer within \(timeout) s", isRetryable: true)
        }
        if isPermanent(error) {
            return ProviderError(
                status: nil, code: nil, message: "request cannot be sent: \(error)", isRetryable: false)
        }
        return ProviderError(
            status: nil, code: nil, message: "connection failed: \(error)", isRetryable: true)
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
