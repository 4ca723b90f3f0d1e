import Shared
import Testing

@Suite("Retail: sale maths")
struct SaleMathTests {
    private func money(_ text: String) -> Money { Money.parse(text)! }
    private func quantity(_ text: String) -> Quantity { try! Quantity.parse(text) }

    @Test(arguments: [
        ("2.35", "0.250", "0.59"),   // 0.5875
        ("1.00", "0.125", "0.13"),   // 0.125: half-up, bankers' rounding would give 0.12
        ("3.90", "0.250", "0.98"),   // 0.975
        ("0.10", "0.125", "0.01"),   // 0.0125
        ("4.50", "1.001", "4.50"),   // 4.5045
        ("0.99", "0.505", "0.50"),   // 0.49995
        ("12.90", "0.755", "9.74"),  // 9.7395
        ("3.50", "3", "10.50"),
        ("0.00", "2", "0.00"),
    ])
    func amountRoundsHalfUpToCentimos(price: String, qty: String, expected: String) {
        #expect(SaleMath.amount(unitPrice: money(price), quantity: quantity(qty)) == money(expected))
    }

    @Test func gravadoLineSplitsIGVFromTheTotal() throws {
        let line = try SaleMath.line(SaleLineInput(unitPrice: money("10.00"), quantity: .one))
        #expect(line.amount == money("10.00"))
        #expect(line.total == money("10.00"))
        #expect(line.base == money("8.47"))
        #expect(line.igv == money("1.53"))
    }

    @Test func discountComesOffBeforeTheSplit() throws {
        let input = SaleLineInput(unitPrice: money("6.50"), quantity: quantity("2"), discount: money("1.00"))
        let line = try SaleMath.line(input)
        #expect(line.amount == money("13.00"))
        #expect(line.discount == money("1.00"))
        #expect(line.total == money("12.00"))
        #expect(line.base == money("10.17"))  // 10.1694…
        #expect(line.igv == money("1.83"))
    }

    @Test(arguments: [IGVAffectation.exonerado, .inafecto])
    func untaxedLinesHaveNoIGV(affectation: IGVAffectation) throws {
        let line = try SaleMath.line(SaleLineInput(unitPrice: money("4.20"), quantity: quantity("1.500"), affectation: affectation))
        #expect(line.total == money("6.30"))
        #expect(line.base == money("6.30"))
        #expect(line.igv == .zero())
    }

    @Test func fullDiscountIsAllowed() throws {
        let line = try SaleMath.line(SaleLineInput(unitPrice: money("2.00"), quantity: .one, discount: money("2.00")))
        #expect(line.total == .zero())
        #expect(line.igv == .zero())
    }

    @Test(arguments: [
        (SaleLineInput(unitPrice: Money(cents: 200), quantity: .one, discount: Money(cents: 201)),
         SaleError.discountExceedsAmount(line: 2, discount: Money(cents: 201), amount: Money(cents: 200))),
        (SaleLineInput(unitPrice: Money(cents: 200), quantity: .zero), .quantityNotPositive(line: 2)),
        (SaleLineInput(unitPrice: Money(cents: 200), quantity: Quantity(milli: -1)), .quantityNotPositive(line: 2)),
        (SaleLineInput(unitPrice: Money(cents: -1), quantity: .one), .negativePrice(line: 2)),
        (SaleLineInput(unitPrice: Money(cents: 200), quantity: .one, discount: Money(cents: -1)), .negativeDiscount(line: 2)),
    ])
    func refusesBadLinesNamingThem(bad: SaleLineInput, error: SaleError) {
        let good = SaleLineInput(unitPrice: Money(cents: 100), quantity: .one)
        #expect(throws: error) { try SaleMath.totals(of: [good, bad, good]) }
    }

    @Test func discountErrorMessage() {
        let error = SaleError.discountExceedsAmount(line: 2, discount: Money(cents: 201), amount: Money(cents: 200))
        #expect(error.message == "Línea 2: el descuento (S/ 2.01) supera el importe de la línea (S/ 2.00)")
        #expect(error.messageEn == "Line 2: the discount (S/ 2.01) exceeds the line amount (S/ 2.00)")
    }

    @Test func totalsOfAMixedSale() throws {
        let totals = try SaleMath.totals(of: [
            SaleLineInput(unitPrice: money("10.00"), quantity: .one),                              // 8.47 + 1.53
            SaleLineInput(unitPrice: money("3.50"), quantity: quantity("3"), discount: money("0.50")), // 10.00 → 8.47 + 1.53
            SaleLineInput(unitPrice: money("5.90"), quantity: quantity("0.755"), affectation: .exonerado), // 4.4545 → 4.45
            SaleLineInput(unitPrice: money("2.00"), quantity: quantity("2"), affectation: .inafecto),
            SaleLineInput(unitPrice: money("1.20"), quantity: .one, affectation: .exonerado),
        ])
        #expect(totals.lines.count == 5)
        #expect(totals.opGravada == money("16.94"))
        #expect(totals.opExonerada == money("5.65"))
        #expect(totals.opInafecta == money("4.00"))
        #expect(totals.igv == money("3.06"))
        #expect(totals.total == money("29.65"))
        #expect(totals.opGravada + totals.opExonerada + totals.opInafecta + totals.igv == totals.total)
    }

    @Test func emptySaleTotalsZero() throws {
        let totals = try SaleMath.totals(of: [])
        #expect(totals.total == .zero())
        #expect(totals.igv == .zero())
    }
}
