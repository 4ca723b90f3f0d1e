import CLibXML2
import CXMLSec

/// libxml2, xmlsec and xmlsec's OpenSSL engine keep process-wide state that must be set
/// up once before any thread uses them. A Swift `static let` is initialised exactly once,
/// thread-safely, on first use, which is what these libraries ask for.
enum XMLRuntime {
    static let isReady: Bool = initialise()

    private static func initialise() -> Bool {
        xmlInitParser()
        // Defence in depth: our own parses never load external entities, but the schema
        // parser uses XML_PARSE_NOENT internally; this keeps every load off the network.
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
        guard xmlSecInit() >= 0 else { return false }
        guard xmlSecCheckVersionExt(XMLSEC_VERSION_MAJOR, XMLSEC_VERSION_MINOR, XMLSEC_VERSION_SUBMINOR,
                                    xmlSecCheckVersionABICompatible) == 1 else { return false }
        guard xmlSecOpenSSLAppInit(nil) >= 0, xmlSecOpenSSLInit() >= 0 else { return false }
        // xmlsec prints every failure to stderr, including an expected "signature does not
        // match" during verification; callers get typed errors instead.
        xmlSecErrorsSetCallback(silentXMLSecError)
        return true
    }
}

private let silentXMLSecError: xmlSecErrorsCallback = { _, _, _, _, _, _, _ in }
