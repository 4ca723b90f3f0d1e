import CLibXML2
import CXMLSec
import Foundation

/// XSD validation with libxml2 against the UBL 2.1 and SUNAT schemas bundled here.
public enum SchemaValidator {
    /// Validates `xml` against `schema`; returns the errors ("line N: message", naming the
    /// element), empty when the document is valid. A document that is not well-formed
    /// returns its parse error.
    public static func validate(_ xml: Data, against schema: Schema) throws(SchemaError) -> [String] {
        let document: ParsedXML
        do { document = try loadDocument(xml) } catch { return [error.message] }
        return try validate(document, against: schema)
    }

    /// Picks the schema from the root element, then validates.
    public static func validate(_ xml: Data) throws(SchemaError) -> [String] {
        let document: ParsedXML
        do { document = try loadDocument(xml) } catch { return [error.message] }
        return try validate(document, against: schema(of: document))
    }

    /// The document type named by the root element.
    public static func schema(of xml: Data) throws(SchemaError) -> Schema {
        let document: ParsedXML
        do { document = try loadDocument(xml) } catch { throw .unknownDocumentType(error.message) }
        return try schema(of: document)
    }

    private static func schema(of document: ParsedXML) throws(SchemaError) -> Schema {
        guard let root = document.root else { throw .unknownDocumentType("no root element") }
        let namespace = root.namespaceURI ?? ""
        guard let schema = Schema.allCases.first(where: { $0.root == (namespace, root.localName) }) else {
            throw .unknownDocumentType("{\(namespace)}\(root.localName)")
        }
        return schema
    }

    private static func validate(_ document: ParsedXML, against schema: Schema) throws(SchemaError) -> [String] {
        let compiled = try SchemaStore.shared.schema(schema)
        guard let context = xmlSchemaNewValidCtxt(compiled.pointer) else { throw .schemaUnavailable("out of memory") }
        defer { xmlSchemaFreeValidCtxt(context) }
        let errors = ErrorCollector()
        xmlSchemaSetValidStructuredErrors(context, ErrorCollector.callback, errors.userData)
        let result = withExtendedLifetime(errors) { xmlSchemaValidateDoc(context, document.document) }
        var messages = errors.messages
        if document.hasDoctype { messages.insert("DOCTYPE declarations are not allowed in SUNAT documents", at: 0) }
        if result != 0, messages.isEmpty { messages.append("validation failed (libxml2 code \(result))") }
        return messages
    }

    private static func loadDocument(_ xml: Data) throws(ParsedXML.Failure) -> ParsedXML {
        guard XMLRuntime.isReady else { throw ParsedXML.Failure(message: "libxml2 could not be initialised") }
        return try ParsedXML.parse(xml)
    }
}
