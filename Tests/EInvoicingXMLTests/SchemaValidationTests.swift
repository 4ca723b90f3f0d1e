import Foundation
import Testing
@testable import EInvoicingXML

@Suite("XSD validation")
struct SchemaValidationTests {
    static let documents: [(Data, SchemaValidator.Schema)] = [
        (Fixtures.invoice, .invoice), (Fixtures.creditNote, .creditNote), (Fixtures.voidedDocuments, .voidedDocuments),
    ]

    /// Also proves the signed document is still schema-valid (UBL 2.1 checks ds:Signature).
    @Test(arguments: documents)
    func signedFixturesAreValid(document: Data, schema: SchemaValidator.Schema) throws {
        let signed = try TestSigner.sign(document)
        #expect(try SchemaValidator.validate(signed, against: schema) == [])
        #expect(try SchemaValidator.validate(signed) == [])
        #expect(try SchemaValidator.schema(of: signed) == schema)
    }

    /// UBL 2.1 requires one element in ExtensionContent: before signing, that is the only error.
    @Test func unsignedInvoiceOnlyMissesItsSignature() throws {
        let errors = try SchemaValidator.validate(Fixtures.invoice, against: .invoice)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("line 5: Element '{urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2}ExtensionContent': Missing child element(s).") == true,
                "\(errors)")
    }

    @Test func brokenDocumentReportsTheElement() throws {
        let broken = try TestSigner.sign(Fixtures.invoice
            .replacingFirst("<cbc:IssueDate>2026-11-20</cbc:IssueDate>", with: "<cbc:IssueDate>2026-13-45</cbc:IssueDate>")
            .replacingFirst("<cbc:DocumentCurrencyCode", with: "<cbc:Moneda>PEN</cbc:Moneda>\n  <cbc:DocumentCurrencyCode"))
        let errors = try SchemaValidator.validate(broken)
        #expect(errors.count == 2, "\(errors)")
        let line = try #require(broken.text.components(separatedBy: "\n").firstIndex { $0.contains("2026-13-45") }) + 1
        #expect(errors.contains { $0.hasPrefix("line \(line): Element '{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}IssueDate': '2026-13-45' is not a valid value") })
        #expect(errors.contains { $0.contains("Moneda") })
    }

    @Test func wrongSchemaIsReported() throws {
        let errors = try SchemaValidator.validate(TestSigner.sign(Fixtures.creditNote), against: .invoice)
        #expect(errors.first?.contains("No matching global declaration") == true, "\(errors)")
    }

    @Test func malformedDocumentReturnsItsParseError() throws {
        let errors = try SchemaValidator.validate(Data("<Invoice>\n<cbc:ID>".utf8), against: .invoice)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("line 2:") == true, "\(errors)")
    }

    @Test func unknownRootIsRefused() {
        #expect(throws: SchemaError.unknownDocumentType("{urn:example}Factura")) {
            try SchemaValidator.validate(Data(#"<Factura xmlns="urn:example"/>"#.utf8))
        }
    }

    @Test func concurrentValidationSharesTheCompiledSchema() async throws {
        let signed = try TestSigner.sign(Fixtures.invoice)
        let invalid = signed.replacingFirst("<cbc:IssueDate>2026-11-20", with: "<cbc:IssueDate>2026-11-32")
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<12 {
                group.addTask { try SchemaValidator.validate(index.isMultiple(of: 2) ? signed : invalid, against: .invoice).count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.sorted() == Array(repeating: 0, count: 6) + Array(repeating: 1, count: 6))
    }
}
