import AsyncHTTPClient
import Foundation
import ProviderSupport

/// One HTTP exchange with a messaging provider, turned into a status and a body or a `ProviderError`.
enum ProviderHTTP {
    typealias Answer = ProviderExchange.Answer

    static func send(
        _ request: HTTPClientRequest, timeout: TimeInterval, using client: HTTPClient
    ) async throws(ProviderError) -> Answer {
        do {
            return try await ProviderExchange.send(request, timeout: timeout, using: client)
        } catch {
            throw providerError(error)
        }
    }

    private static func providerError(_ failure: ProviderExchange.Failure) -> ProviderError {
        switch failure {
        case .timeout(let timeout):
            ProviderError(status: nil, code: nil, message: "no answer within \(timeout) s", isRetryable: true)
        case .unsendable(let detail):
            ProviderError(status: nil, code: nil, message: "request cannot be sent: \(detail)", isRetryable: false)
        case .connection(let detail):
            ProviderError(status: nil, code: nil, message: "connection failed: \(detail)", isRetryable: true)
        case .unreadableBody(let status, let detail, let timedOut):
            ProviderError(status: status, code: nil, message: "unreadable response body: \(detail)",
                          isRetryable: ProviderError.isRetryable(status: status) || timedOut)
        }
    }
}
