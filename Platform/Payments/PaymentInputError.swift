import Vapor

/// A payment request the platform refuses before any provider hears of it: 422 naming the field.
public struct PaymentInputError: AbortError, Equatable {
    public let field: String
    public let message: String

    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var reason: String { "\(field): \(message)" }
}
