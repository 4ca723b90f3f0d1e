import CLibXML2
import CXMLSec
import Foundation

/// Compiled XSDs, parsed once per process: the UBL ones take a noticeable time to compile
/// and a compiled schema is read-only afterwards, so one copy serves every thread (each
/// validation has its own validation context).
final class SchemaStore: @unchecked Sendable {
    static let shared = SchemaStore()

    private let lock = NSLock()
    private var compiled: [SchemaValidator.Schema: CompiledSchema] = [:]

    func schema(_ schema: SchemaValidator.Schema) throws(SchemaError) -> CompiledSchema {
        lock.lock()
        defer { lock.unlock() }
        if let cached = compiled[schema] { return cached }
        let fresh = try CompiledSchema(path: try Self.path(of: schema))
        compiled[schema] = fresh
        return fresh
    }

    private static func path(of schema: SchemaValidator.Schema) throws(SchemaError) -> String {
        guard let folder = Bundle.module.url(forResource: "Schemas", withExtension: nil) else {
            throw .schemaUnavailable("the bundled Schemas folder is missing")
        }
        let file = folder.appendingPathComponent(schema.path)
        guard FileManager.default.fileExists(atPath: file.path) else { throw .schemaUnavailable(schema.path) }
        return file.path
    }
}

/// One compiled XSD, never mutated after compilation.
final class CompiledSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    init(path: String) throws(SchemaError) {
        guard let context = xmlSchemaNewParserCtxt(path) else { throw .schemaUnavailable(path) }
        defer { xmlSchemaFreeParserCtxt(context) }
        let errors = ErrorCollector()
        xmlSchemaSetParserStructuredErrors(context, ErrorCollector.callback, errors.userData)
        guard let schema = withExtendedLifetime(errors, { xmlSchemaParse(context) }) else {
            throw .schemaUnavailable("\(path): \(errors.messages.first ?? "does not compile")")
        }
        pointer = schema
    }

    deinit { xmlSchemaFree(pointer) }
}
