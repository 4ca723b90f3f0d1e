import Foundation

/// `{{name}}` placeholders in template texts.
public enum TemplateText {
    /// The placeholder names in `text`, in order of appearance, without duplicates.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        forEachPlaceholder(in: text) { name in
            if !names.contains(name) { names.append(name) }
            return nil
        }
        return names
    }

    /// `text` with each placeholder replaced by its value ("" when missing).
    public static func render(_ text: String, _ values: [String: String]) -> String {
        forEachPlaceholder(in: text) { values[$0] ?? "" }
    }

    /// Walks `{{ name }}` occurrences; `replace` returns the replacement, or nil to keep the text.
    @discardableResult
    private static func forEachPlaceholder(in text: String, _ replace: (String) -> String?) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if isName(name), let replacement = replace(name) {
                out += replacement
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = afterOpen[close.upperBound...]
        }
        return out + rest
    }

    private static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
