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
