import Shared
import Testing

@Suite("Retail: prices typed in spreadsheets")
struct MoneySpreadsheetTests {
    @Test(arguments: [
        ("3.50", 350), ("3,50", 350), ("3,5", 350), ("S/ 3.50", 350), ("s/ 3,50", 350), ("S/3.50", 350),
        ("1,234.50", 123_450), ("1.234,50", 123_450), ("1.234.567,89", 123_456_789), ("1,234", 123_400), ("12", 1_200),
        ("-3,50", -350),
    ] as [(String, Int64)])
    func reads(text: String, cents: Int64) {
        #expect(Money.parseSpreadsheet(text) == Money(cents: cents))
    }

    @Test(arguments: ["abc", "", "3,505,1", "1.2.3,50", "3.505", "1.234", "3,50,", "3,,50", "US$ 3.50"])
    func refuses(text: String) {
        #expect(Money.parseSpreadsheet(text) == nil)
    }
}
