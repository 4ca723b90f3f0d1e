import CLibXML2
import CXMLSec

/// The element that receives `ds:Signature`: the first `ext:ExtensionContent` (child of
/// `ext:UBLExtensions/ext:UBLExtension`) with no child elements and nothing but whitespace.
/// Earlier non-empty ones (SUNAT's UBL 2.0 `sac:AdditionalInformation`) are skipped.
struct SignatureSlot {
    let node: xmlNodePtr
    /// Position of the element among all elements in document order (root = 0), which
    /// locates its start tag in the original bytes.
    let ordinal: Int

    static func find(in document: ParsedXML) -> SignatureSlot? {
        guard let root = document.root else { return nil }
        var ordinal = -1
        var found: SignatureSlot?
        walkElements(from: root) { node in
            ordinal += 1
            if isEmptyExtensionContent(node) { found = SignatureSlot(node: node, ordinal: ordinal) }
            return found == nil
        }
        return found
    }

    private static func isEmptyExtensionContent(_ node: xmlNodePtr) -> Bool {
        guard node.matches("ExtensionContent", in: XMLNamespace.ublExtensions),
              let extensionNode = node.pointee.parent, extensionNode.matches("UBLExtension", in: XMLNamespace.ublExtensions),
              let list = extensionNode.pointee.parent, list.matches("UBLExtensions", in: XMLNamespace.ublExtensions)
        else { return false }
        return node.elementChildren.isEmpty && node.textContent.allSatisfy(\.isWhitespace)
    }
}
