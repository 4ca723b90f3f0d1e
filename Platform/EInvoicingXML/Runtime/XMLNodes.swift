import CLibXML2
import CXMLSec

/// Namespaces the signer and validator look for.
enum XMLNamespace {
    static let dsig = "http://www.w3.org/2000/09/xmldsig#"
    static let ublExtensions = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

    var localName: String { pointee.name.map { String(cString: $0) } ?? "" }

    var namespaceURI: String? { pointee.ns?.pointee.href.map { String(cString: $0) } }

    func matches(_ name: String, in namespace: String) -> Bool {
        isElement && localName == name && namespaceURI == namespace
    }

    var elementChildren: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let node = child {
            if node.isElement { result.append(node) }
            child = node.pointee.next
        }
        return result
    }

    /// The text content, with libxml2's copy freed.
    var textContent: String {
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { clibxml2_free(content) }
        return String(cString: content)
    }
}

/// Every element under and including `root`, in document order, which is also the order
/// their start tags appear in the bytes; stops early when `visit` returns false.
func walkElements(from root: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
    var stack: [xmlNodePtr] = [root]
    while let node = stack.popLast() {
        guard visit(node) else { return }
        stack.append(contentsOf: node.elementChildren.reversed())
    }
}

func firstElement(named name: String, in namespace: String, under root: xmlNodePtr) -> xmlNodePtr? {
    var found: xmlNodePtr?
    walkElements(from: root) { node in
        if node.matches(name, in: namespace) { found = node }
        return found == nil
    }
    return found
}
