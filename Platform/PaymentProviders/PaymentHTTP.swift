import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ProviderSupport

/// HTTP with a payment provider: the request shape both APIs share, and one exchange turned
/// into an answer or a `PaymentProviderError`.
enum PaymentHTTP {
    typealias Answer = ProviderExchange.Answer

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

    static func send(
        _ request: HTTPClientRequest, timeout: TimeInterval, using client: HTTPClient, provider: PaymentProvider
    ) async throws(PaymentProviderError) -> Answer {
        do {
            return try await ProviderExchange.send(request, timeout: timeout, using: client)
        } catch {
            throw providerError(error, provider: provider)
        }
    }

    private static func providerError(_ failure: ProviderExchange.Failure, provider: PaymentProvider) -> PaymentProviderError {
        switch failure {
        case .timeout(let timeout):
            PaymentProviderError(provider: provider, reason: .noAnswer, status: nil,
                                 message: "no answer within \(timeout) s", isRetryable: true)
        case .unsendable(let detail):
            .invalid(.invalidConfiguration("request cannot be sent: \(detail)"), provider)
        case .connection(let detail):
            PaymentProviderError(provider: provider, reason: .noAnswer, status: nil,
                                 message: "connection failed: \(detail)", isRetryable: true)
        case .unreadableBody(let status, let detail, _):
            PaymentProviderError(provider: provider, reason: .noAnswer, status: status,
                                 message: "unreadable response body: \(detail)", isRetryable: true)
        }
    }
}
