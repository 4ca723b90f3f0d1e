import Foundation

/// Reads one JSON object field by field, recording every problem with its JSON pointer in a
/// log shared with the readers of nested objects. `finish()` refuses the fields nobody read,
/// so a typo ("itmes") is an error instead of silently ignored data.
public final class JSONObjectReader {
    public let pointer: String
    private let fields: [String: JSONValue]
    private var read: Set<String> = []
    public let log: ProblemLog

    /// A reader over `value`, which must be an object; otherwise the problem is logged and the
    /// reader is empty.
    public init(_ value: JSONValue, pointer: String = "", log: ProblemLog = ProblemLog()) {
        self.pointer = pointer
        self.log = log
        if case .object(let fields) = value {
            self.fields = fields
        } else {
            self.fields = [:]
            log.add(pointer, .type(expected: "object"))
        }
    }

    public func path(_ key: String) -> String {
        pointer + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    public func has(_ key: String) -> Bool {
        if let value = fields[key], value != .null { return true }
        return false
    }

    /// The raw value, marked as read; nil when absent or null (and logged when required).
    public func value(_ key: String, required: Bool = false) -> JSONValue? {
        read.insert(key)
        guard let value = fields[key], value != .null else {
            if required { log.add(path(key), .required) }
            return nil
        }
        return value
    }

    public func string(_ key: String, required: Bool = false, minLength: Int = 0, maxLength: Int = .max) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let raw) = value else { return mismatch(key, "string") }
        // Lengths in Unicode scalars, as JSON Schema counts them, before trimming.
        if raw.unicodeScalars.count > maxLength { log.add(path(key), .maxLength(maxLength)); return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty && (required || minLength > 0) {
            log.add(path(key), required ? .required : .minLength(minLength))
            return nil
        }
        if text.unicodeScalars.count < minLength { log.add(path(key), .minLength(minLength)); return nil }
        return text
    }

    public func choice(_ key: String, in allowed: [String], required: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard allowed.contains(text) else { log.add(path(key), .oneOf(allowed)); return nil }
        return text
    }

    public func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { return mismatch(key, "boolean") }
        return flag
    }

    /// A decimal given as a JSON number or a string; `positive` refuses zero too.
    public func decimal(_ key: String, required: Bool = false, positive: Bool = false, maxDecimals: Int) -> Decimal? {
        guard let value = value(key, required: required) else { return nil }
        let number: Decimal
        switch value {
        case .number(let decimal): number = decimal
        case .string(let text):
            guard let parsed = DecimalText.parse(text.trimmingCharacters(in: .whitespaces)) else {
                log.add(path(key), .format("decimal")); return nil
            }
            number = parsed
        default: return mismatch(key, "number")
        }
        if positive && number <= 0 { log.add(path(key), .positive); return nil }
        if number < 0 { log.add(path(key), .nonNegative); return nil }
        if DecimalText.scale(of: number) > maxDecimals { log.add(path(key), .decimals(maxDecimals)); return nil }
        return number
    }

    public func object(_ key: String, required: Bool = false) -> JSONObjectReader? {
        guard let value = value(key, required: required) else { return nil }
        guard case .object = value else { return mismatch(key, "object") }
        return JSONObjectReader(value, pointer: path(key), log: log)
    }

    /// Readers for an array of objects, with its size checked.
    public func objects(_ key: String, required: Bool = false, minItems: Int = 0, maxItems: Int = .max) -> [JSONObjectReader]? {
        guard let value = value(key, required: required) else { return nil }
        guard case .array(let items) = value else { return mismatch(key, "array") }
        if items.count < minItems { log.add(path(key), .minItems(minItems)); return nil }
        if items.count > maxItems { log.add(path(key), .maxItems(maxItems)); return nil }
        return items.enumerated().map { JSONObjectReader($1, pointer: path(key) + "/\($0)", log: log) }
    }

    /// Logs every field that was never read, suggesting the known field it most resembles.
    public func finish(known: [String] = []) {
        let candidates = Array(read) + known
        for key in fields.keys.sorted() where !read.contains(key) {
            log.add(path(key), .unknownField(suggestion: Self.closest(to: key, in: candidates)))
        }
    }

    private func mismatch<T>(_ key: String, _ expected: String) -> T? {
        log.add(path(key), .type(expected: expected))
        return nil
    }

    static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }
}

/// The problems found so far in one body, shared by its readers.
public final class ProblemLog {
    public private(set) var problems: [InputProblem] = []

    public init() {}

    public func add(_ pointer: String, _ rule: InputRule) {
        problems.append(InputProblem(pointer: pointer, rule: rule))
    }

    public func add(_ problem: InputProblem) {
        problems.append(problem)
    }

    public var isEmpty: Bool { problems.isEmpty }

    public func throwIfAny() throws(InputProblems) {
        try InputProblems(problems).throwIfAny()
    }
}

enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
