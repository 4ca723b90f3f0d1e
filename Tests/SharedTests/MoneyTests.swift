import Foundation
import Shared
import Testing

@Suite("Money")
struct MoneyTests {
    @Test func defaultsToSoles() {
        let money = Money(cents: 123_450)
        #expect(money.cents == 123_450)
        #expect(money.currency == .pen)
    }

    @Test func currencySymbolsAndCodes() {
        #expect(Currency.pen.symbol == "S/")
        #expect(Currency.usd.symbol == "US$")
        #expect(Currency.pen.rawValue == "PEN")
        #expect(Currency.usd.code == "USD")
    }

    @Test(arguments: [
        ("1234.5", 123_450), ("1,234.50", 123_450), ("S/ 1,234.50", 123_450),
        ("0.05", 5), ("0", 0), ("7", 700), ("  42.10 ", 4_210), ("S/1.5", 150),
        ("1,234,567.89", 123_456_789), ("-10", -1_000), ("-S/ 10.00", -1_000),
        ("S/ -10.00", -1_000), ("-0.00", 0), ("-0.05", -5),
    ] as [(String, Int64)])
    func parsesValidText(text: String, cents: Int64) {
        #expect(Money.parse(text, currency: .pen) == Money(cents: cents, currency: .pen))
    }

    @Test(arguments: [
        "", "   ", "abc", "12a", "S/", "-", "--5", "+5", "1.234", "1.2345", ".50", "1.",
        "1..2", "12,34", "1,23.00", "1,2345", ",123", "1 234", "1.234,50", "US$ 5",
        "S/ 5 soles", "99999999999999999999", "92233720368547758.08", "１２", "1.-5",
    ])
    func rejectsInvalidText(text: String) {
        #expect(Money.parse(text, currency: .pen) == nil)
    }

    @Test func parsesDollarsOnlyWithDollarSymbol() {
        #expect(Money.parse("US$ 1,234.50", currency: .usd) == Money(cents: 123_450, currency: .usd))
        #expect(Money.parse("S/ 1,234.50", currency: .usd) == nil)
    }

    @Test func parsesLargestAmount() {
        #expect(Money.parse("92,233,720,368,547,758.07")?.cents == Int64.max)
    }

    @Test(arguments: [
        (123_450, Currency.pen, "S/ 1,234.50"), (5, .pen, "S/ 0.05"), (-1_000, .pen, "-S/ 10.00"),
        (123_450, .usd, "US$ 1,234.50"), (0, .pen, "S/ 0.00"), (99_999, .pen, "S/ 999.99"),
        (100_000, .pen, "S/ 1,000.00"), (100_000_000, .pen, "S/ 1,000,000.00"),
        (Int64.min, .pen, "-S/ 92,233,720,368,547,758.08"),
    ] as [(Int64, Currency, String)])
    func formatsForInvoices(cents: Int64, currency: Currency, expected: String) {
        let money = Money(cents: cents, currency: currency)
        #expect(money.formatted == expected)
        #expect(money.description == expected)
        #expect("\(money)" == expected)
    }

    @Test(arguments: [0, 5, -5, 123_450, -123_456_789, Int64.max] as [Int64])
    func formattedTextParsesBack(cents: Int64) {
        for currency in Currency.allCases {
            let money = Money(cents: cents, currency: currency)
            #expect(Money.parse(money.formatted, currency: currency) == money)
        }
    }

    @Test func addsAndSubtracts() {
        var total = Money(cents: 1_050) + Money(cents: 250)
        #expect(total == Money(cents: 1_300))
        #expect(total - Money(cents: 1_500) == Money(cents: -200))
        total += Money(cents: 1)
        #expect(total == Money(cents: 1_301))
        total -= Money(cents: 1_301)
        #expect(total == .zero())
        #expect(total.isZero)
        #expect(-Money(cents: 5, currency: .usd) == Money(cents: -5, currency: .usd))
        #expect(Money(cents: -1).isNegative)
    }

    @Test func multipliesByQuantity() {
        let unitPrice = Money(cents: 1_999, currency: .usd)
        #expect(unitPrice * 3 == Money(cents: 5_997, currency: .usd))
        #expect(3 * unitPrice == Money(cents: 5_997, currency: .usd))
        #expect(unitPrice * 0 == Money.zero(.usd))
        #expect(unitPrice * -2 == Money(cents: -3_998, currency: .usd))
    }

    @Test func ordersByAmount() {
        let amounts = [Money(cents: 500), Money(cents: -100), Money(cents: 20)]
        #expect(amounts.sorted().map(\.cents) == [-100, 20, 500])
        #expect(Money(cents: 1) > Money(cents: 0))
        #expect(Money(cents: 1) != Money(cents: 1, currency: .usd))
    }

    @Test(arguments: [(123_450, "1234.5"), (-5, "-0.05"), (0, "0"), (7, "0.07")] as [(Int64, String)])
    func exposesExactDecimal(cents: Int64, text: String) {
        #expect(Money(cents: cents).decimal == Decimal(string: text)!)
    }

    @Test(arguments: [("1234.5", 123_450), ("-12.34", -1_234), ("0.01", 1), ("100", 10_000)] as [(String, Int64)])
    func buildsFromExactDecimal(text: String, cents: Int64) {
        #expect(Money(decimal: Decimal(string: text)!, currency: .usd) == Money(cents: cents, currency: .usd))
    }

    @Test(arguments: ["0.001", "1.005", "-0.125", "1e30"])
    func refusesToRoundSilently(text: String) {
        #expect(Money(decimal: Decimal(string: text)!) == nil)
    }

    @Test func refusesNaN() {
        #expect(Money(decimal: Decimal.nan) == nil)
    }

    @Test(arguments: [
        ("0.005", 1), ("0.004", 0), ("-0.005", -1), ("-0.001", 0), ("2.675", 268),
        ("1.004999", 100), ("123.455", 12_346), ("-123.455", -12_346), ("10", 1_000),
    ] as [(String, Int64)])
    func roundsHalfAwayFromZero(text: String, cents: Int64) {
        #expect(Money.rounded(Decimal(string: text)!, currency: .pen) == Money(cents: cents))
    }

    @Test func encodesCentsAndCurrencyCode() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(Money(cents: 123_450))
        #expect(String(decoding: json, as: UTF8.self) == #"{"cents":123450,"currency":"PEN"}"#)
        let decoded = try JSONDecoder().decode(Money.self, from: Data(#"{"cents":-5,"currency":"USD"}"#.utf8))
        #expect(decoded == Money(cents: -5, currency: .usd))
    }

    @Test func rejectsUnknownCurrencyWhenDecoding() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Money.self, from: Data(#"{"cents":1,"currency":"EUR"}"#.utf8))
        }
    }
}
