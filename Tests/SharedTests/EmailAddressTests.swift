import Foundation
import Shared
import Testing

@Suite("Email address")
struct EmailAddressTests {
    @Test(arguments: [
        ("ana@bodega.pe", "ana@bodega.pe"),
        ("  Ana.Perez@Bodega.PE \n", "Ana.Perez@bodega.pe"),
        ("o'brien+ventas@mail.example.com.pe", "o'brien+ventas@mail.example.com.pe"),
        ("x@a.co", "x@a.co"),
        ("user_name-1@sub-domain.example.org", "user_name-1@sub-domain.example.org"),
        ("!#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~@example.com"),
        ("a@123.example.com", "a@123.example.com"),
        ("a@xn--bcher-kva.example", "a@xn--bcher-kva.example"),
    ])
    func acceptsPracticalAddresses(raw: String, expected: String) throws {
        #expect(try EmailAddress(raw).value == expected)
    }

    @Test func domainCaseDoesNotMatterButLocalCaseDoes() throws {
        #expect(try EmailAddress("ana@BODEGA.pe") == EmailAddress("ana@bodega.pe"))
        #expect(try EmailAddress("Ana@bodega.pe") != EmailAddress("ana@bodega.pe"))
    }

    @Test(arguments: ["", " \t\n"])
    func rejectsEmpty(raw: String) {
        #expect(throws: ContactValidationError.emptyEmail) { try EmailAddress(raw) }
    }

    @Test(arguments: ["ana perez@bodega.pe", "\"ana\"@bodega.pe", "Ana <ana@bodega.pe>", "ana@bodega.pe\u{0}", "ana@bode\tga.pe", "ana@bodega.pe, luis@bodega.pe"])
    func rejectsForbiddenCharacters(raw: String) {
        #expect(throws: ContactValidationError.emailInvalidCharacters) { try EmailAddress(raw) }
    }

    @Test(arguments: ["ana.bodega.pe", "ana"])
    func rejectsMissingAt(raw: String) {
        #expect(throws: ContactValidationError.emailMissingAt) { try EmailAddress(raw) }
    }

    @Test(arguments: ["ana@@bodega.pe", "ana@bodega@pe.pe"])
    func rejectsSeveralAts(raw: String) {
        #expect(throws: ContactValidationError.emailMultipleAt) { try EmailAddress(raw) }
    }

    @Test(arguments: ["@bodega.pe", ".ana@bodega.pe", "ana.@bodega.pe", "an..a@bodega.pe", "josé@bodega.pe", "ana(x)@bodega.pe",
                      String(repeating: "a", count: 65) + "@bodega.pe"])
    func rejectsBadLocalParts(raw: String) {
        #expect(throws: ContactValidationError.emailInvalidLocalPart) { try EmailAddress(raw) }
    }

    @Test(arguments: ["ana@", "ana@bodega", "ana@bodega.p", "ana@bodega.pe.", "ana@.bodega.pe", "ana@bodega..pe", "ana@-bodega.pe",
                      "ana@bodega-.pe", "ana@bode_ga.pe", "ana@bodega.123", "ana@bodeña.pe", "ana@[192.0.2.1]",
                      "ana@" + String(repeating: "a", count: 64) + ".pe"])
    func rejectsBadDomains(raw: String) {
        #expect(throws: ContactValidationError.emailInvalidDomain) { try EmailAddress(raw) }
    }

    @Test func rejectsOverlongAddresses() throws {
        let label = String(repeating: "a", count: 60)
        let fits = "anas@" + [label, label, label, String(repeating: "b", count: 63), "pe"].joined(separator: ".")
        #expect(fits.utf8.count == 254)
        #expect(try EmailAddress(fits).value == fits)
        #expect(throws: ContactValidationError.emailTooLong) { try EmailAddress("x" + fits) }
    }

    @Test func explainsInSpanishAndEnglish() {
        #expect(ContactValidationError.emailMissingAt.message == "Al correo le falta la @ (ej. nombre@empresa.pe)")
        #expect(ContactValidationError.emailInvalidDomain.messageEn == "The part of the e-mail address after the @ is not valid (e.g. company.pe)")
    }
}
