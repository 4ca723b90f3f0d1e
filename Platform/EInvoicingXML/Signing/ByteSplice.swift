import Foundation

/// Puts the serialised signature into the original bytes, so that nothing outside the
/// signature changes: not the XML declaration, quoting, empty-element style, character
/// references or whitespace. Re-serialising the whole tree could change any of those, and
/// a document that differs from what the user saw and stored is what SUNAT calls altered.
enum ByteSplice {
    /// Inserts `fragment` as the last content of the element whose start tag is the
    /// `ordinal`-th one in `xml` (which holds no DOCTYPE). `<x/>` becomes `<x>…</x>`;
    /// `<x>ws</x>` becomes `<x>ws…</x>`, matching where the tree got the node.
    static func insert(_ fragment: Data, intoElementAt ordinal: Int, of xml: Data) -> Data? {
        let bytes = [UInt8](xml)
        var scanner = TagScanner(bytes: bytes)
        guard let tag = scanner.startTag(at: ordinal) else { return nil }
        if tag.isSelfClosing {
            let slash = tag.end - 2
            return Data(bytes[..<slash]) + Data(">".utf8) + fragment
                + Data("</".utf8) + tag.name + Data(">".utf8) + Data(bytes[tag.end...])
        }
        guard let closing = scanner.nextEndTag(from: tag.end) else { return nil }
        return Data(bytes[..<closing]) + fragment + Data(bytes[closing...])
    }
}

/// A minimal XML tokenizer over raw bytes: enough to count start tags, skipping comments,
/// CDATA sections, processing instructions and quoted attribute values.
struct TagScanner {
    let bytes: [UInt8]

    struct StartTag {
        let name: Data
        /// Index just past the tag's closing `>`.
        let end: Int
        let isSelfClosing: Bool
    }

    mutating func startTag(at ordinal: Int) -> StartTag? {
        var index = 0
        var seen = -1
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            switch markup(at: open) {
            case .skip(let next): index = next
            case .endTag(let next): index = next
            case .startTag(let tag):
                seen += 1
                if seen == ordinal { return tag }
                index = tag.end
            case .invalid: return nil
            }
        }
        return nil
    }

    /// Where the end tag of an element without child elements begins.
    func nextEndTag(from start: Int) -> Int? {
        var index = start
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            switch markup(at: open) {
            case .skip(let next): index = next
            case .endTag: return open
            case .startTag, .invalid: return nil
            }
        }
        return nil
    }

    private enum Markup {
        case skip(Int), endTag(Int), startTag(StartTag), invalid
    }

    private func markup(at open: Int) -> Markup {
        if has("<!--", at: open) { return skip(to: "-->", from: open + 4) }
        if has("<![CDATA[", at: open) { return skip(to: "]]>", from: open + 9) }
        if has("<?", at: open) { return skip(to: "?>", from: open + 2) }
        if has("<!", at: open) { return .invalid }
        if has("</", at: open) {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { return .invalid }
            return .endTag(close + 1)
        }
        return startTag(from: open).map(Markup.startTag) ?? .invalid
    }

    private func startTag(from open: Int) -> StartTag? {
        var quote: UInt8?
        var index = open + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let current = quote {
                if byte == current { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                let nameEnd = bytes[(open + 1)..<index].firstIndex { Self.endsName($0) } ?? index
                return StartTag(name: Data(bytes[(open + 1)..<nameEnd]), end: index + 1,
                                isSelfClosing: bytes[index - 1] == UInt8(ascii: "/"))
            }
            index += 1
        }
        return nil
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    private func skip(to terminator: String, from start: Int) -> Markup {
        let pattern = Array(terminator.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return .skip(index + pattern.count) }
            index += 1
        }
        return .invalid
    }

    private func has(_ prefix: String, at index: Int) -> Bool {
        let pattern = Array(prefix.utf8)
        return index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    }
}
