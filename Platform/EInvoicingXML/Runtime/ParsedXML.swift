import CLibXML2
import CXMLSec
import Foundation

/// A libxml2 document parsed from untrusted bytes, freed with this object.
///
/// Parsing never touches the network (XML_PARSE_NONET) and never substitutes entities or
/// loads DTDs (no XML_PARSE_NOENT / DTDLOAD), so an external entity (XXE) stays an
/// unexpanded reference. Whitespace is kept: the signature covers it.
final class ParsedXML {
    let document: xmlDocPtr

    private init(document: xmlDocPtr) { self.document = document }
    deinit { xmlFreeDoc(document) }

    struct Failure: Error { let message: String }

    static func parse(_ data: Data) throws(Failure) -> ParsedXML {
        guard let context = xmlNewParserCtxt() else { throw Failure(message: "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        guard data.count < Int(Int32.max) else { throw Failure(message: "document too large") }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = data.withUnsafeBytes { bytes in
            xmlCtxtReadMemory(context, bytes.bindMemory(to: CChar.self).baseAddress, Int32(bytes.count),
                              nil, nil, options)
        }
        guard let parsed else {
            throw Failure(message: xmlCtxtGetLastError(context).map(describe) ?? "not well-formed XML")
        }
        return ParsedXML(document: parsed)
    }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// SUNAT documents never carry one, and a DTD is where entity tricks live.
    var hasDoctype: Bool { document.pointee.intSubset != nil || document.pointee.extSubset != nil }
}

/// "line 12: message", the way libxml2 errors are reported to callers.
func describe(_ error: xmlErrorPtr) -> String {
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
    return error.pointee.line > 0 ? "line \(error.pointee.line): \(text)" : text
}
