import Foundation
import Shared

/// Minimal streaming XML writer: elements in the order they are written,
/// no pretty-printing (the signature covers the exact bytes), text and
/// attribute values escaped.
struct XMLWriter {
    private(set) var text = #"<?xml version="1.0" encoding="UTF-8"?>"#

    typealias Attributes = [(String, String)]

    /// `<name attrs>` … children … `</name>`.
    mutating func element(_ name: String, _ attributes: Attributes = [], _ body: (inout XMLWriter) -> Void) {
        text += "<\(name)\(Self.render(attributes))>"
        body(&self)
        text += "</\(name)>"
    }

    /// `<name attrs>value</name>`; an empty value gives `<name attrs/>`.
    mutating func leaf(_ name: String, _ value: String, _ attributes: Attributes = []) {
        guard !value.isEmpty else {
            text += "<\(name)\(Self.render(attributes))/>"
            return
        }
        text += "<\(name)\(Self.render(attributes))>\(Self.escape(value))</\(name)>"
    }

    var data: Data { Data(text.utf8) }

    private static func render(_ attributes: Attributes) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes the five XML specials and drops characters XML 1.0 cannot
    /// carry at all. The validator already refuses those; dropping them here
    /// means no input can ever produce a document a parser rejects.
    static func escape(_ value: String) -> String { XMLText.escape(value) }
}
