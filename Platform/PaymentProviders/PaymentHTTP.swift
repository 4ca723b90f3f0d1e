import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP exchange with a payment provider, turned into an answer or a `PaymentProviderError`.
/// The same rules as Messaging's ProviderHTTP, which is internal to that target.
enum PaymentHTTP {
    struct Answer: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]

        var isSuccess: Bool { (200..<300).contains(status) }
    }

    /// Provider error bodies are small; a larger one is a proxy page we only need the start of.
    static let maxBody = 1 << 20

    static func request(
        _ method: HTTPMethod, base: String, path: String, bearer: String,
        contentType: String? = nil, body: [UInt8]? = nil
    ) -> HTTPClientRequest {
        let root = base.hasSuffix("/") ? String(base.dropLast()) : base
        var request = HTTPClientRequest(url: root + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(bearer)")
        request.headers.add(name: "Accept", value: "application/json")
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return request
    }

    /// `timeout` covers the whole exchange, body included: AsyncHTTPClient's deadline stops
    /// at the response head, and a provider that stalls mid-body must not hang a payment.
    static func send(
        _ request: HTTPClientRequest, timeout: TimeInterval, using client: HTTPClient, provider: PaymentProvider
    ) async throws(PaymentProviderError) -> Answer {
        let nanoseconds = Int64(max(timeout, 0.001) * 1_000_000_000)
        let deadline = NIODeadline.now() + .nanoseconds(nanoseconds)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: deadline)
        } catch {
            throw transportError(error, timeout: timeout, provider: provider)
        }
        let status = Int(response.status.code)
        do {
            let body = try await collect(response, until: deadline)
            return Answer(status: status, headers: response.headers, body: body)
        } catch {
            throw PaymentProviderError(
                provider: provider, reason: .noAnswer, status: status, message: "unreadable response body: \(error)",
                isRetryable: true)
        }
    }

    private static func collect(_ response: HTTPClientResponse, until deadline: NIODeadline) async throws -> [UInt8] {
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

    private static func transportError(
        _ error: any Error, timeout: TimeInterval, provider: PaymentProvider
    ) -> PaymentProviderError {
        if isTimeout(error) {
            return PaymentProviderError(
                provider: provider, reason: .noAnswer, status: nil, message: "no answer within \(timeout) s",
                isRetryable: true)
        }
        if isPermanent(error) {
            return .invalid(.invalidConfiguration("request cannot be sent: \(error)"), provider)
        }
        return PaymentProviderError(
            provider: provider, reason: .noAnswer, status: nil, message: "connection failed: \(error)",
            isRetryable: true)
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
