import Foundation

/// One reason a JSON request body was refused: where (an RFC 6901 pointer, "" for the whole
/// body), which rule, and messages in Spanish and English.
public struct InputProblem: Sendable, Equatable {
    public let pointer: String
    public let rule: String
    public let message: String
    public let messageEn: String

    public init(pointer: String, rule: String, message: String, messageEn: String) {
        self.pointer = pointer
        self.rule = rule
        self.message = message
        self.messageEn = messageEn
    }

    public init(pointer: String, rule: InputRule) {
        self.init(pointer: pointer, rule: rule.code, message: rule.message, messageEn: rule.messageEn)
    }
}

/// Every problem found in one body: callers see them all at once, not one per attempt.
public struct InputProblems: Error, Sendable, Equatable {
    public var problems: [InputProblem]

    public init(_ problems: [InputProblem] = []) { self.problems = problems }

    public var isEmpty: Bool { problems.isEmpty }

    public func throwIfAny() throws(InputProblems) {
        if !problems.isEmpty { throw self }
    }
}

/// The generic rules of request bodies and their messages.
public enum InputRule: Sendable, Equatable {
    case json
    case required
    case type(expected: String)
    case unknownField(suggestion: String?)
    case oneOf([String])
    case format(String)
    case minLength(Int)
    case maxLength(Int)
    case minItems(Int)
    case maxItems(Int)
    case positive
    case nonNegative
    case decimals(Int)

    public var code: String {
        switch self {
        case .json: "json"
        case .required: "required"
        case .type: "type"
        case .unknownField: "unknown_field"
        case .oneOf: "enum"
        case .format: "format"
        case .minLength, .minItems: "min_length"
        case .maxLength, .maxItems: "max_length"
        case .positive: "positive"
        case .nonNegative: "non_negative"
        case .decimals: "decimals"
        }
    }

    public var message: String {
        switch self {
        case .json: "el cuerpo no es JSON válido"
        case .required: "es obligatorio"
        case .type(let expected): "debe ser de tipo \(expected)"
        case .unknownField(let suggestion): "campo desconocido" + (suggestion.map { " (¿quiso decir \"\($0)\"?)" } ?? "")
        case .oneOf(let values): "debe ser uno de: \(values.joined(separator: ", "))"
        case .format(let format): "no tiene el formato \(format)"
        case .minLength(let count): "debe tener al menos \(count) caracteres"
        case .maxLength(let count): "debe tener como máximo \(count) caracteres"
        case .minItems(let count): "debe tener al menos \(count) elementos"
        case .maxItems(let count): "debe tener como máximo \(count) elementos"
        case .positive: "debe ser mayor que cero"
        case .nonNegative: "no puede ser negativo"
        case .decimals(let count): "admite como máximo \(count) decimales"
        }
    }

    public var messageEn: String {
        switch self {
        case .json: "the body is not valid JSON"
        case .required: "is required"
        case .type(let expected): "must be a \(expected)"
        case .unknownField(let suggestion): "unknown field" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .oneOf(let values): "must be one of: \(values.joined(separator: ", "))"
        case .format(let format): "is not in the \(format) format"
        case .minLength(let count): "must have at least \(count) characters"
        case .maxLength(let count): "must have at most \(count) characters"
        case .minItems(let count): "must have at least \(count) items"
        case .maxItems(let count): "must have at most \(count) items"
        case .positive: "must be greater than zero"
        case .nonNegative: "cannot be negative"
        case .decimals(let count): "allows at most \(count) decimals"
        }
    }
}
