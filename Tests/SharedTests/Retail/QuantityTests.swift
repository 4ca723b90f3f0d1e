import Foundation
import Shared
import Testing

@Suite("Retail: quantities")
struct QuantityTests {
    @Test(arguments: [
        ("1", 1_000), ("0.250", 250), ("0,250", 250), ("1.5", 1_500), ("1,5", 1_500),
        ("0.25", 250), ("0.001", 1), (" 12 ", 12_000), ("007", 7_000), ("0", 0), ("0.000", 0),
        ("999999999999999", 999_999_999_999_999_000),
    ] as [(String, Int64)])
    func parses(text: String, milli: Int64) throws {
        #expect(try Quantity.parse(text) == Quantity(milli: milli))
    }

    @Test(arguments: [
        ("", QuantityError.empty), ("  ", .empty),
        ("-1", .negative), ("-0.5", .negative),
        ("0.2505", .tooManyDecimals), ("1,0001", .tooManyDecimals),
        ("abc", .notANumber), ("1.2.3", .notANumber), ("1,250.5", .notANumber), (".5", .notANumber),
        ("1.", .notANumber), ("+1", .notANumber), ("1e3", .notANumber), ("1 kg", .notANumber), ("-", .notANumber),
        ("1000000000000000", .tooLarge),
    ])
    func refuses(text: String, error: QuantityError) {
        #expect(throws: error) { try Quantity.parse(text) }
    }

    @Test func refusesZeroOnlyWhenAsked() throws {
        #expect(try Quantity.parse("0", allowZero: true) == .zero)
        #expect(throws: QuantityError.zero) { try Quantity.parse("0,000", allowZero: false) }
        #expect(try Quantity.parse("0.001", allowZero: false) == Quantity(milli: 1))
    }

    @Test(arguments: [
        (1_000, "1", "1", "1.000"), (250, "0.250", "0.250", "0.250"), (1_500, "1.500", "1.500", "1.500"),
        (0, "0", "0", "0.000"), (12_345, "12.345", "12.345", "12.345"), (-2_000, "-2", "-2", "-2.000"),
        (-250, "-0.250", "-0.250", "-0.250"),
    ] as [(Int64, String, String, String)])
    func formats(milli: Int64, text: String, units: String, kilograms: String) {
        let quantity = Quantity(milli: milli)
        #expect(quantity.text == text)
        #expect(quantity.description == text)
        #expect(quantity.formatted(.unit) == units)
        #expect(quantity.formatted(.kilogram) == kilograms)
    }

    @Test func textRoundTripsThroughParse() throws {
        for milli: Int64 in [0, 1, 10, 250, 999, 1_000, 1_001, 123_456] {
            #expect(try Quantity.parse(Quantity(milli: milli).text) == Quantity(milli: milli))
        }
    }

    @Test func arithmetic() {
        var stock = Quantity(units: 10)
        stock -= Quantity(milli: 250)
        #expect(stock == Quantity(milli: 9_750))
        stock += .one
        #expect(stock == Quantity(milli: 10_750))
        #expect(Quantity(milli: 500) * 3 == Quantity(milli: 1_500))
        #expect(Quantity(milli: 250) - Quantity(units: 1) == Quantity(milli: -750))
        #expect(-Quantity(milli: 5) == Quantity(milli: -5))
        #expect(Quantity(milli: 999) < .one)
        #expect(Quantity(milli: 2_000).isWhole && !Quantity(milli: 2_001).isWhole)
    }

    @Test func decimalInterop() {
        #expect(Quantity(milli: 1_250).decimal == Decimal(string: "1.25")!)
        #expect(Quantity(milli: -5).decimal == Decimal(string: "-0.005")!)
        #expect(Quantity(decimal: Decimal(string: "0.25")!) == Quantity(milli: 250))
        #expect(Quantity(decimal: Decimal(string: "-3")!) == Quantity(milli: -3_000))
        #expect(Quantity(decimal: 0) == .zero)
        #expect(Quantity(decimal: Decimal(string: "0.0005")!) == nil)
    }

    @Test func errorMessages() {
        #expect(QuantityError.tooManyDecimals.message == "La cantidad admite hasta 3 decimales (ej. 0.250)")
        #expect(QuantityError.negative.messageEn == "The quantity cannot be negative")
    }
}
