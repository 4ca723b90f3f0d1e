import Shared
import Vapor

/// An API refusal with a machine-readable `code` besides the message (409 `invalid_state`,
/// 409 `idempotency_conflict`, 404 `not_found`...).
public struct APIError: AbortError, Sendable {
    public let status: HTTPResponseStatus
    public let code: String
    public let message: String

    public init(_ status: HTTPResponseStatus, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var reason: String { message }
}

extension InputProblems {
    /// `{"/items/0/quantity": "debe ser mayor que cero", ...}`, the first message per pointer.
    public func fields(in language: Language) -> [String: String] {
        var fields: [String: String] = [:]
        for problem in problems where fields[problem.pointer] == nil {
            fields[problem.pointer] = language == .en ? problem.messageEn : problem.message
        }
        return fields
    }
}
