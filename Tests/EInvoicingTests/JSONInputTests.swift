import EInvoicing
import Foundation
import Shared
import Testing

@Suite("JSON input for a CLI")
struct JSONInputTests {
    /// The example in `EInvoiceDocument.decode(json:)`'s documentation, read
    /// from the source so the documented shape cannot drift from what decodes.
    private func documentedExample() throws -> Data {
        let schemas = try #require(SchemaValidator.schemasDirectory())
        let platform = schemas.deletingLastPathComponent().deletingLastPathComponent()
        let source = platform.appendingPathComponent("EInvoicing/JSON/EInvoiceDocument+Codable.swift")
        let text = try String(contentsOf: source, encoding: .utf8)
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex(of: "/// ```json"))
        let end = try #require(lines[(start + 1)...].firstIndex(of: "/// ```"))
        let json = lines[(start + 1)..<end].map { String($0.dropFirst(3)) }.joined(separator: "\n")
        return Data(json.utf8)
    }

    @Test func documentedExampleBuilds() throws {
        let document = try EInvoiceDocument.decode(json: try documentedExample())
        #expect(document.kind == .factura)
        #expect(document.lines[0].unitCode == "NIU")
        #expect(document.lines[1].affectation == .exonerado)
        #expect(document.lines[3].quantity == dec("1.5"))
        #expect(document.issuer.address.countryCode == "PE")
        let built = try UBLBuilder.build(document)
        try SchemaValidator.expectValid(built.xml, against: .invoice)
        // Arroz 2 × 23.60 = 40.00 + 7.20; servicio 1.5 × 100 − 10 = 140.00 + 25.20; libro 40.00 exonerado;
        // muestra free. Global 02 of 5.00: base 175.00, IGV 7.20 + 25.20 − 0.90 = 31.50.
        // 175 + 40 = 215.00 + 31.50 = 246.50 = cuotas 146.50 + 100.00.
        #expect(built.calculated.totals.payableAmount == dec("246.50"))
        #expect(built.calculated.totals.igv == dec("31.50"))
    }

    @Test func defaultsApplyWhenKeysAreMissing() throws {
        let json = """
            {"kind": "03", "series": "B001", "number": 1, "issueDate": "2026-03-02",
             "issuer": {"ruc": "20100070970", "legalName": "EL SOL SAC", "address": {}},
             "customer": {"documentType": "-", "number": "-", "name": "CLIENTES VARIOS"},
             "lines": [{"description": "Pan", "quantity": 10, "unitPrice": 0.5}]}
            """
        let document = try EInvoiceDocument.decode(json: Data(json.utf8))
        #expect(document.currency == .pen)
        #expect(document.issueTime == nil)
        #expect(document.issuer.address.establishmentCode == "0000")
        #expect(document.lines[0].unitCode == "NIU")
        #expect(document.lines[0].affectation == .gravado)
        #expect(document.adjustments.isEmpty)
        #expect(document.paymentTerms == nil)
        let calculated = try EInvoiceCalculator.calculate(document)
        #expect(calculated.paymentTerms == .contado)
        // 0.50 / 1.18 = 0.4237288136; × 10 = 4.24; IGV 0.7632 → 0.76; 5.00.
        #expect(calculated.totals.payableAmount == dec("5.00"))
    }

    @Test func amountsDecodeExactlyFromNumbersAndStrings() throws {
        let json = #"{"description": "Clavo", "quantity": 0.335, "unitValue": "1234567.8912345678"}"#
        let line = try JSONDecoder().decode(Line.self, from: Data(json.utf8))
        #expect(line.quantity == dec("0.335"))
        #expect(line.unitValue == dec("1234567.8912345678"))
        for bad in [#""1,5""#, #""1e3""#, #""NaN""#, #""""#] {
            let text = #"{"description": "X", "quantity": \#(bad), "unitValue": 1}"#
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Line.self, from: Data(text.utf8)) }
        }
    }

    @Test func invalidCodesFailToDecode() {
        let json = #"{"description": "X", "quantity": 1, "unitValue": 1, "affectation": "17"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Line.self, from: Data(json.utf8)) }
        let terms = #"{"type": "fiado"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PaymentTerms.self, from: Data(terms.utf8)) }
    }

    @Test func documentsRoundTrip() throws {
        var document = Fixtures.factura(
            UBLInvoiceTests.mixedLines, adjustments: [GlobalAdjustment(code: .discountAffectingBase, amount: 1)],
            paymentTerms: .credito([Cuota(amount: dec("188.32"), dueDate: date("2026-04-01"))]),
            declared: DeclaredTotals(payableAmount: dec("188.32")))
        document.note = nil
        let decoded = try EInvoiceDocument.decode(json: try JSONEncoder().encode(document))
        #expect(decoded == document)
        let note = Fixtures.note(.notaCredito)
        #expect(try EInvoiceDocument.decode(json: try JSONEncoder().encode(note)) == note)
    }

    @Test func invalidRUCInJSONIsATypedErrorNotADecodingError() throws {
        let json = """
            {"kind": "01", "series": "F001", "number": 1, "issueDate": "2026-03-02",
             "issuer": {"ruc": "20100070971", "legalName": "EL SOL SAC", "address": {}},
             "customer": {"documentType": "6", "number": "20131312955", "name": "CLIENTE"},
             "lines": [{"description": "Pan", "quantity": 1, "unitValue": 1}]}
            """
        let document = try EInvoiceDocument.decode(json: Data(json.utf8))
        #expect(throws: EInvoiceError.invalidRUC(field: "issuer.ruc", rule: "1007", reason: .badCheckDigit)) {
            try UBLBuilder.build(document)
        }
    }
}
