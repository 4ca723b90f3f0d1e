import Vapor

/// Input that failed validation, with one message per field. Forms render the messages next
/// to their fields; the API answers `422 {"error": ..., "fields": {...}}`.
public struct FieldErrors: Error, Sendable {
    public var fields: [String: String] = [:]

    public init(_ fields: [String: String] = [:]) {
        self.fields = fields
    }

    public var isEmpty: Bool { fields.isEmpty }

    public subscript(field: String) -> String? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    /// Throws itself when any field failed.
    public func throwIfAny() throws(FieldErrors) {
        if !isEmpty { throw self }
    }
}

/// Field errors raised by code with no request at hand (a booking decided inside its
/// transaction): each message is a string key, put into the request's language when answered.
public struct FieldErrorKeys: Error, Sendable {
    public let keys: [String: String]

    public init(_ keys: [String: String]) {
        self.keys = keys
    }

    public func translated(_ language: Language) -> FieldErrors {
        FieldErrors(keys.mapValues { Strings.text($0, language) })
    }
}
