import Foundation
import TestSupport
import Testing
@testable import EInvoicingXML

/// External entities must never be read: not when signing, verifying or validating.
@Suite("XXE")
struct XXETests {
    static let secret = "SECRETO-DEL-SERVIDOR"

    /// An invoice whose IssueDate is an external entity pointing at a local file.
    func hostileInvoice() throws -> Data {
        let files = try TestCertificates.shared.get()
        let secretFile = files.url("secret-\(UUID().uuidString).txt")
        try Data(Self.secret.utf8).write(to: secretFile)
        let doctype = "<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"\(secretFile.absoluteString)\">]>\n"
        return Data(Fixtures.invoiceText
            .replacingOccurrences(of: "?>\n", with: "?>\n" + doctype)
            .replacingOccurrences(of: "<cbc:IssueDate>2026-11-20", with: "<cbc:IssueDate>&xxe;")
            .utf8)
    }

    @Test func signingRefusesADoctype() throws {
        let hostile = try hostileInvoice()
        #expect(throws: SigningError.doctypeNotAllowed) { try TestSigner.sign(hostile) }
        #expect(throws: SigningError.doctypeNotAllowed) { try XMLSigner.verify(hostile) }
        #expect(throws: SigningError.doctypeNotAllowed) { try XMLSigner.digestValue(of: hostile) }
    }

    /// Were the entity expanded, IssueDate would hold the file's contents and its error
    /// would quote them; unexpanded, libxml2 reports the entity reference it met instead.
    @Test func validationDoesNotExpandTheEntity() throws {
        let errors = try SchemaValidator.validate(hostileInvoice(), against: .invoice)
        #expect(errors.first == "DOCTYPE declarations are not allowed in SUNAT documents")
        #expect(errors.contains { $0.hasPrefix("line 12:") && $0.contains("entity reference") }, "\(errors)")
        #expect(!errors.joined().contains(Self.secret), "\(errors)")
    }

    @Test func entityExpansionBombIsNotExpanded() throws {
        var doctype = "<!DOCTYPE Invoice [<!ENTITY a0 \"ha\">"
        for level in 1...12 { doctype += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        doctype += "]>\n"
        let bomb = Data(Fixtures.invoiceText
            .replacingOccurrences(of: "?>\n", with: "?>\n" + doctype)
            .replacingOccurrences(of: "SON CIENTO DIECIOCHO", with: "&a12;").utf8)
        let errors = try SchemaValidator.validate(bomb, against: .invoice)
        // libxml2 stops parsing at the amplification (it calls it a loop).
        #expect(errors == ["line 15: Detected an entity reference loop"])
        #expect(throws: SigningError.malformedXML("line 15: Detected an entity reference loop")) { try TestSigner.sign(bomb) }
    }
}
