import Foundation
import Shared
import Testing

@Suite("IGV and rounding")
struct IGVTests {
    @Test(arguments: [
        ("0.005", "0.01"), ("0.015", "0.02"), ("2.675", "2.68"), ("-0.005", "-0.01"),
        ("1.004999", "1"), ("0.0049", "0"), ("-2.675", "-2.68"), ("7", "7"),
    ])
    func roundsHalfUpToTwoDecimals(value: String, expected: String) {
        #expect(Rounding.halfUp(Decimal(string: value)!, scale: 2) == Decimal(string: expected)!)
    }

    @Test(arguments: [("12.5", 0, "13"), ("-12.5", 0, "-13"), ("0.1235", 3, "0.124")] as [(String, Int, String)])
    func roundsToOtherScales(value: String, scale: Int, expected: String) {
        #expect(Rounding.halfUp(Decimal(string: value)!, scale: scale) == Decimal(string: expected)!)
    }

    @Test func rateIsExactlyEighteenPercent() {
        #expect(IGV.rate == Decimal(string: "0.18")!)
    }

    @Test(arguments: [
        (10_000, 1_800, 11_800),
        (25, 5, 30),          // 0.045 → 0.05; Double computes 0.04499… and would give 0.04
        (1, 0, 1),            // 0.0018 → 0.00
        (3, 1, 4),            // 0.0054 → 0.01
        (847, 152, 999),      // 1.5246 → 1.52
        (123_456, 22_222, 145_678), // 222.2208 → 222.22
        (-10_000, -1_800, -11_800), // credit notes round symmetrically
        (0, 0, 0),
    ] as [(Int64, Int64, Int64)])
    func splitsFromBase(base: Int64, igv: Int64, total: Int64) {
        let parts = IGV.fromBase(Money(cents: base))
        #expect(parts.base == Money(cents: base))
        #expect(parts.igv == Money(cents: igv))
        #expect(parts.total == Money(cents: total))
    }

    @Test(arguments: [
        (11_800, 10_000, 1_800),
        (1_000, 847, 153),    // 8.4745… → 8.47
        (1, 1, 0),            // 0.0084… → 0.01, nothing left for tax
        (100, 85, 15),        // 0.8474… → 0.85
        (0, 0, 0),
        (-1_000, -847, -153),
    ] as [(Int64, Int64, Int64)])
    func splitsFromTotal(total: Int64, base: Int64, igv: Int64) {
        let parts = IGV.fromTotal(Money(cents: total))
        #expect(parts.base == Money(cents: base))
        #expect(parts.igv == Money(cents: igv))
        #expect(parts.total == Money(cents: total))
    }

    @Test func partsFromTotalAlwaysSumToTotal() {
        for cents in Int64(0)...20_000 {
            let parts = IGV.fromTotal(Money(cents: cents))
            #expect(parts.base + parts.igv == parts.total)
            // The remainder never strays more than a céntimo from base × 18%.
            let recomputed = IGV.tax(on: parts.base, rate: IGV.rate)
            #expect(abs(parts.igv.cents - recomputed.cents) <= 1)
        }
    }

    @Test func keepsCurrency() {
        let parts = IGV.fromTotal(Money(cents: 11_800, currency: .usd))
        #expect(parts.base == Money(cents: 10_000, currency: .usd))
        #expect(parts.igv == Money(cents: 1_800, currency: .usd))
        #expect(IGV.fromBase(Money(cents: 100, currency: .usd)).total == Money(cents: 118, currency: .usd))
    }

    @Test(arguments: [
        (100_005, "0.10", 10_001), // 100.005 → 100.01
        (10_000, "0.08", 800),
        (333, "0.04", 13),         // 0.1332 → 0.13
        (12_345, "0", 0),
    ] as [(Int64, String, Int64)])
    func computesTaxAtAnyRate(amount: Int64, rate: String, tax: Int64) {
        #expect(IGV.tax(on: Money(cents: amount), rate: Decimal(string: rate)!) == Money(cents: tax))
    }
}
