import Foundation
import Shared
import Testing

@Suite("DNI")
struct DNITests {
    @Test(arguments: [
        ("12345678", "12345678"), ("00123456", "00123456"), ("00000000", "00000000"),
        (" 87654321 ", "87654321"), ("\t46779354\n", "46779354"),
    ])
    func acceptsEightDigits(raw: String, expected: String) throws {
        let dni = try DNI(raw)
        #expect(dni.value == expected)
        #expect(dni.description == expected)
    }

    @Test(arguments: ["1234567", "123456789", "1", "0012345"])
    func rejectsWrongLength(raw: String) {
        #expect(throws: DocumentValidationError.wrongLength(expected: 8)) { try DNI(raw) }
    }

    @Test(arguments: ["1234567a", "12 45678", "1234-5678", "ABCDEFGH", "１２３４５６７８", "-1234567"])
    func rejectsNonDigits(raw: String) {
        #expect(throws: DocumentValidationError.notDigits) { try DNI(raw) }
    }

    @Test(arguments: ["", "  "])
    func rejectsEmpty(raw: String) {
        #expect(throws: DocumentValidationError.empty) { try DNI(raw) }
    }

    @Test func explainsLengthErrorInSpanishAndEnglish() {
        let error = DocumentValidationError.wrongLength(expected: 8)
        #expect(error.message == "El DNI debe tener 8 dígitos")
        #expect(error.messageEn == "The DNI must have 8 digits")
    }

    @Test func keepsLeadingZerosThroughJSON() throws {
        let json = try JSONEncoder().encode([try DNI("00123456")])
        #expect(String(decoding: json, as: UTF8.self) == #"["00123456"]"#)
        #expect(try JSONDecoder().decode([DNI].self, from: json) == [try DNI("00123456")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DNI].self, from: Data(#"["0123456"]"#.utf8))
        }
    }
}
