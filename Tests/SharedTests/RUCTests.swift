import Foundation
import Shared
import Testing

@Suite("RUC")
struct RUCTests {
    /// Independent implementation of SUNAT's modulo-11 rule, used to build
    /// valid numbers from arbitrary ten-digit bodies.
    static func withCheckDigit(_ body: String) -> String {
        let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        var sum = 0
        for (character, weight) in zip(body, weights) {
            sum += Int(String(character))! * weight
        }
        var digit = 11 - sum % 11
        if digit == 10 { digit = 0 }
        if digit == 11 { digit = 1 }
        return body + String(digit)
    }

    @Test(arguments: ["20100070970", "20131312955", "20100047218", "10467793549"])
    func acceptsKnownRealRUCs(number: String) throws {
        #expect(Self.withCheckDigit(String(number.prefix(10))) == number)
        #expect(try RUC(number).value == number)
    }

    @Test(arguments: [
        "1000023757", // remainder 1 → 11 - 1 = 10 → digit 0
        "1000087109", // remainder 0 → 11 → digit 1
        "1500055433", "1600007919", "1700000000", "2000047514", "2000071271",
        "2012345678", "1012345678", "1598765432", "1611111111", "2099999999",
    ])
    func acceptsGeneratedRUCs(body: String) throws {
        let number = Self.withCheckDigit(body)
        #expect(try RUC(number).value == number)
    }

    @Test func handlesTwoDigitRemaindersAsSUNATSpecifies() throws {
        // 1×5 + 7×4 = 33, 33 % 11 = 0, 11 - 0 = 11 → check digit 1.
        #expect(try RUC("17000000001").value == "17000000001")
        // 2×5+1×3+7×5+9×3+7×2 = 89, 89 % 11 = 1, 11 - 1 = 10 → check digit 0.
        #expect(try RUC("20100070970").value == "20100070970")
    }

    @Test func classifiesTaxpayerKind() throws {
        let company = try RUC("20100070970")
        #expect(company.isCompany)
        #expect(!company.isPersonWithBusiness)
        let person = try RUC("10467793549")
        #expect(person.isPersonWithBusiness)
        #expect(!person.isCompany)
        let special = try RUC(Self.withCheckDigit("1500055433"))
        #expect(!special.isCompany && !special.isPersonWithBusiness)
    }

    @Test(arguments: [" 20100070970", "20100070970  ", "\t20100070970\n"])
    func trimsSurroundingWhitespace(raw: String) throws {
        let ruc = try RUC(raw)
        #expect(ruc.value == "20100070970")
        #expect(ruc.description == "20100070970")
        #expect(ruc == (try RUC("20100070970")))
    }

    @Test(arguments: ["2010007097", "201000709701", "1", "2010007097012345"])
    func rejectsWrongLength(raw: String) {
        #expect(throws: DocumentValidationError.wrongLength(expected: 11)) { try RUC(raw) }
    }

    @Test(arguments: ["2010007097A", "abc", "2010 0070970", "20-100070970", "２０１００070970", "+2010007097"])
    func rejectsNonDigits(raw: String) {
        #expect(throws: DocumentValidationError.notDigits) { try RUC(raw) }
    }

    @Test(arguments: ["", "   ", "\n"])
    func rejectsEmpty(raw: String) {
        #expect(throws: DocumentValidationError.empty) { try RUC(raw) }
    }

    @Test(arguments: ["3010007097", "0010007097", "1110007097", "1810007097", "2110007097", "9910007097"])
    func rejectsUnknownPrefix(body: String) {
        // The check digit is right, so only the prefix can be at fault.
        #expect(throws: DocumentValidationError.invalidPrefix) { try RUC(Self.withCheckDigit(body)) }
    }

    @Test(arguments: ["2010007097", "2013131295", "2010004721", "1046779354"])
    func rejectsEveryWrongCheckDigit(body: String) throws {
        let correct = Self.withCheckDigit(body)
        for digit in 0...9 where body + String(digit) != correct {
            #expect(throws: DocumentValidationError.badCheckDigit) { try RUC(body + String(digit)) }
        }
    }

    @Test func explainsErrorsInSpanishAndEnglish() {
        let error = DocumentValidationError.wrongLength(expected: 11)
        #expect(error.message == "El RUC debe tener 11 dígitos")
        #expect(error.messageEn == "The RUC must have 11 digits")
        #expect(DocumentValidationError.invalidPrefix.message == "El RUC debe empezar con 10, 15, 16, 17 o 20")
        #expect(
            DocumentValidationError.badCheckDigit.message == "El RUC no es válido: el dígito verificador no coincide"
        )
        #expect(DocumentValidationError.notDigits.messageEn == "The document number must contain digits only")
        #expect(DocumentValidationError.empty.message == "Ingrese el número de documento")
    }

    @Test func codesAsPlainString() throws {
        let json = try JSONEncoder().encode([try RUC("20131312955")])
        #expect(String(decoding: json, as: UTF8.self) == #"["20131312955"]"#)
        let decoded = try JSONDecoder().decode([RUC].self, from: json)
        #expect(decoded == [try RUC("20131312955")])
    }

    @Test(arguments: [#"["20131312956"]"#, #"["123"]"#, #"[20131312955]"#])
    func refusesInvalidJSON(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RUC].self, from: Data(json.utf8))
        }
    }

    @Test func aPersonsDNIGivesTheirRUC10() throws {
        // 10467793549 is a real RUC 10; its DNI is the eight digits after "10".
        #expect(RUC(personDNI: try DNI("46779354")).value == "10467793549")
        #expect(try RUC.fromRUCOrDNI(" 46779354 ").value == "10467793549")
        #expect(try RUC("10467793549").personDNI == "46779354")
        #expect(try RUC("20100070970").personDNI == nil)
        for body in ["00000001", "12345678", "99999999"] {
            let ruc = RUC(personDNI: try DNI(body))
            #expect(ruc.value == Self.withCheckDigit("10" + body))
        }
    }

    @Test func neitherRUCNorDNIIsRefusedAsARUC() {
        #expect(throws: DocumentValidationError.wrongLength(expected: 11)) { try RUC.fromRUCOrDNI("1234567") }
        #expect(throws: DocumentValidationError.badCheckDigit) { try RUC.fromRUCOrDNI("20100070971") }
        #expect(throws: DocumentValidationError.notDigits) { try RUC.fromRUCOrDNI("4677935A") }
    }
}
