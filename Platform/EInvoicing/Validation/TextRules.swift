import Foundation

/// Checks on free text before it reaches the XML.
enum TextRules {
    /// Trimmed `text`, required to be non-empty, at most `max` characters and
    /// free of characters XML 1.0 cannot carry or SUNAT's single-line patterns refuse.
    @discardableResult
    static func required(_ text: String?, field: String, rule: String, max: Int) throws(EInvoiceError) -> String {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missingText(field: field, rule: rule) }
        try check(trimmed, field: field, rule: rule, max: max)
        return trimmed
    }

    /// Same checks for a text that may be absent (`nil` or blank is fine).
    static func optional(_ text: String?, field: String, rule: String, max: Int) throws(EInvoiceError) {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return }
        try check(trimmed, field: field, rule: rule, max: max)
    }

    private static func check(_ text: String, field: String, rule: String, max: Int) throws(EInvoiceError) {
        guard text.count <= max else { throw .textTooLong(field: field, rule: rule, maxLength: max) }
        guard text.unicodeScalars.allSatisfy(isAllowed) else { throw .invalidCharacters(field: field, rule: "XML") }
    }

    /// Control characters (tabs and line breaks included: SUNAT's patterns are
    /// single-line) and the noncharacters U+FFFE/U+FFFF are refused.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory != .control && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }

    /// `true` when `text` is exactly `count` ASCII digits.
    static func isDigits(_ text: String, count: Int) -> Bool {
        text.count == count && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `true` for ASCII uppercase letters and digits only.
    static func isUpperAlphanumeric(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }
}
