import Foundation
import Shared
import Testing

@Suite("Peru mobile")
struct PeruMobileTests {
    @Test(arguments: [
        "987654321", "987 654 321", "987-654-321", "987.654.321", "(987) 654-321",
        "+51987654321", "+51 987 654 321", "+51 (987) 654-321", "51987654321", "51 987 654 321",
        "0051987654321", "0051 987 654 321", "  987654321\n", "\t+51-987-654-321 ",
    ])
    func acceptsTypedForms(raw: String) throws {
        let mobile = try PeruMobile(raw)
        #expect(mobile.national == "987654321")
        #expect(mobile.e164 == "+51987654321")
        #expect(mobile.digits == "51987654321")
        #expect(mobile.display == "+51 987 654 321")
    }

    @Test func equalNumbersAreEqualWhateverTheirSpelling() throws {
        #expect(try PeruMobile("+51 912 345 678") == PeruMobile("912345678"))
        #expect(try Set([PeruMobile("912345678"), PeruMobile("0051912345678")]).count == 1)
        #expect(try PeruMobile("912345678") != PeruMobile("912345679"))
    }

    @Test(arguments: ["", "   ", "+", "- ( )"])
    func rejectsEmpty(raw: String) {
        #expect(throws: ContactValidationError.emptyPhone) { try PeruMobile(raw) }
    }

    @Test(arguments: ["98765432a", "nueve ocho siete", "987/654/321", "987654321 ext 2", "51+987654321", "++51987654321", "９８７６５４３２１", "#987654321"])
    func rejectsLettersAndSymbols(raw: String) {
        #expect(throws: ContactValidationError.phoneInvalidCharacters) { try PeruMobile(raw) }
    }

    @Test(arguments: ["98765432", "9876543210", "98765", "519876543210", "+51", "+51 98765432", "0051 9876 543 210", "5198765432"])
    func rejectsWrongLength(raw: String) {
        #expect(throws: ContactValidationError.phoneWrongLength) { try PeruMobile(raw) }
    }

    @Test(arguments: ["01 4567890", "(01) 456-7890", "014567890", "4567890", "+51 1 456 7890", "044 123456", "+51 44 123456", "187654321"])
    func rejectsLandlines(raw: String) {
        #expect(throws: ContactValidationError.phoneNotMobile) { try PeruMobile(raw) }
    }

    @Test(arguments: ["+1 555 123 4567", "+34 612 345 678", "0056 9 8765 4321", "+5 987654321", "+591 71234567"])
    func rejectsOtherCountries(raw: String) {
        #expect(throws: ContactValidationError.phoneForeignCountryCode) { try PeruMobile(raw) }
    }

    @Test func explainsInSpanishAndEnglish() {
        #expect(ContactValidationError.phoneWrongLength.message == "El celular debe tener 9 dígitos y empezar con 9 (ej. 987 654 321)")
        #expect(ContactValidationError.phoneWrongLength.messageEn == "The mobile number must have 9 digits and start with 9 (e.g. 987 654 321)")
        #expect(ContactValidationError.phoneForeignCountryCode.message == "Solo se aceptan celulares de Perú (+51)")
    }
}
