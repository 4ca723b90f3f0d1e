import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML with Foundation's XMLParser and answers "what is at this path":
/// paths are element names as written ("cac:TaxTotal/cbc:TaxAmount") matched
/// against the end of each element's path from the root.
final class XMLProbe: NSObject, XMLParserDelegate {
    struct Element {
        let path: [String]
        let attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var parseError: Error?

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        if !parser.parse() { parseError = parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    var isWellFormed: Bool { parseError == nil }

    func texts(_ path: String) -> [String] { matching(path).map(\.text) }

    func text(_ path: String) -> String? { texts(path).first }

    func attribute(_ name: String, of path: String) -> String? { matching(path).first?.attributes[name] }

    func count(_ path: String) -> Int { matching(path).count }

    private func matching(_ path: String) -> [Element] {
        let wanted = path.split(separator: "/").map(String.init)
        return elements.filter { $0.path.count >= wanted.count && Array($0.path.suffix(wanted.count)) == wanted }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let parent = stack.last.map { elements[$0].path } ?? []
        elements.append(Element(path: parent + [elementName], attributes: attributes, text: ""))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = stack.last { elements[index].text += string }
    }
}
