import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element, reduced to what reading SOAP answers and CDRs needs: namespace URI,
/// local name, direct text and child elements. Prefixes are resolved away, so `soap-env:`,
/// `S:` or a default namespace all read the same.
struct XMLNode: Sendable, Equatable {
    let namespace: String
    let name: String
    var text: String
    var children: [XMLNode]

    /// Direct text, trimmed.
    var value: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    func child(_ name: String, namespace: String? = nil) -> XMLNode? {
        children.first { $0.matches(name, namespace) }
    }

    func children(_ name: String, namespace: String? = nil) -> [XMLNode] {
        children.filter { $0.matches(name, namespace) }
    }

    private func matches(_ name: String, _ namespace: String?) -> Bool {
        self.name == name && (namespace == nil || self.namespace == namespace)
    }
}

struct XMLTreeError: Error, CustomStringConvertible {
    let description: String
}

enum XMLTree {
    /// Parses `data` without resolving external entities (SUNAT's answers never need them).
    static func parse(_ data: Data) throws(XMLTreeError) -> XMLNode {
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "no root element"
            throw XMLTreeError(description: "unreadable XML: \(reason)")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            stack.append(XMLNode(namespace: namespaceURI ?? "", name: elementName, text: "", children: []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self) }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard let node = stack.popLast() else { return }
            if stack.isEmpty {
                root = node
            } else {
                stack[stack.count - 1].children.append(node)
            }
        }
    }
}
