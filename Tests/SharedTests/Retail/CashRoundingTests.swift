import Shared
import Testing

@Suite("Retail: cash rounding")
struct CashRoundingTests {
    @Test(arguments: [
        (1_237, -7, 1_230), (1_230, 0, 1_230), (1_239, -9, 1_230), (1_231, -1, 1_230),
        (5, -5, 0),       // under S/ 0.10: due S/ 0.00, never below zero
        (9, -9, 0), (10, 0, 10), (0, 0, 0),
        (-1_237, 0, -1_237), // refunds are not rounded here
    ] as [(Int64, Int64, Int64)])
    func roundsDownToTenCentimos(total: Int64, adjustment: Int64, due: Int64) {
        #expect(CashRounding.adjustment(for: Money(cents: total)) == Money(cents: adjustment))
        #expect(CashRounding.rounded(Money(cents: total)) == Money(cents: due))
    }
}
