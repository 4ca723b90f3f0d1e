import Foundation
import Shared
import Testing

@Suite("Retail: barcodes")
struct BarcodeTests {
    // Check digits verified by hand (weights 3,1 from the right) and with an
    // independent script, not taken from this implementation.
    @Test(arguments: [
        ("7750182002363", "7750182002363"), // Peruvian prefix 775
        ("4006381333931", "4006381333931"),
        ("5901234123457", "5901234123457"),
        ("96385074", "96385074"),           // EAN-8
        ("036000291452", "0036000291452"),  // UPC-A becomes EAN-13 with a leading 0
        (" 7750182002363\n", "7750182002363"),
    ])
    func acceptsValidCodes(text: String, digits: String) throws {
        #expect(try Barcode(text).digits == digits)
        #expect(try Barcode.validate(text) == digits)
    }

    @Test func reportsFormat() throws {
        #expect(try Barcode("96385074").format == .ean8)
        #expect(try Barcode("036000291452").format == .ean13)
        #expect(try Barcode("7750182002363").format == .ean13)
    }

    @Test func upcAAndItsEAN13FormAreTheSameCode() throws {
        #expect(try Barcode("036000291452") == Barcode("0036000291452"))
    }

    @Test(arguments: [
        ("7750182002364", 3, 4),
        ("7750182002360", 3, 0),
        ("4006381333932", 1, 2),
        ("96385075", 4, 5),
        ("036000291453", 2, 3),
    ])
    func namesTheExpectedCheckDigit(text: String, expected: Int, found: Int) {
        #expect(throws: BarcodeError.badCheckDigit(expected: expected, found: found)) { try Barcode(text) }
    }

    @Test(arguments: [
        ("", BarcodeError.empty), ("   ", .empty),
        ("775018200236", .badCheckDigit(expected: 9, found: 6)),  // 12 digits read as UPC-A
        ("77501820023", .wrongLength(found: 11)), ("77501820023633", .wrongLength(found: 14)),
        ("1234567", .wrongLength(found: 7)),
        ("7750182-02363", .notDigits), ("775018200236A", .notDigits), ("７750182002363", .notDigits),
        ("7.75018E+12", .notDigits),
    ])
    func refusesMalformedCodes(text: String, error: BarcodeError) {
        #expect(throws: error) { try Barcode(text) }
    }

    @Test func checkDigitOfPayloads() {
        #expect(Barcode.checkDigit(of: [7, 7, 5, 0, 1, 8, 2, 0, 0, 2, 3, 6]) == 3)
        #expect(Barcode.checkDigit(of: [9, 6, 3, 8, 5, 0, 7]) == 4)
        #expect(Barcode.checkDigit(of: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == 0)
        // Sum 3 → 7: the modulo wraps only when the sum is a multiple of 10.
        #expect(Barcode.checkDigit(of: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) == 7)
    }

    @Test func messagesNameTheDigits() {
        let error = BarcodeError.badCheckDigit(expected: 3, found: 4)
        #expect(error.message == "El código de barras no es válido: el último dígito debería ser 3, no 4")
        #expect(error.messageEn == "The barcode is not valid: its last digit should be 3, not 4")
        #expect(BarcodeError.wrongLength(found: 11).message == "El código de barras debe tener 8, 12 o 13 dígitos (tiene 11)")
    }

    @Test func codableKeepsTheDigitsAndRevalidates() throws {
        let data = try JSONEncoder().encode(try Barcode("036000291452"))
        #expect(String(decoding: data, as: UTF8.self) == "\"0036000291452\"")
        #expect(try JSONDecoder().decode(Barcode.self, from: data).digits == "0036000291452")
        #expect(throws: BarcodeError.badCheckDigit(expected: 3, found: 4)) {
            try JSONDecoder().decode(Barcode.self, from: Data("\"7750182002364\"".utf8))
        }
    }

    @Test func scaleLabelsAreEAN13InTheTwentiesRange() throws {
        #expect(try Barcode("2012345012509").isScaleLabel)
        #expect(try !Barcode("7750182002363").isScaleLabel)
        #expect(try !Barcode("21000423").isScaleLabel)  // EAN-8 starting with 2
    }
}
