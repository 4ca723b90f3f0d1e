import Shared
import Testing

@Suite("Retail: payments and change")
struct SettlementTests {
    private func money(_ text: String) -> Money { Money.parse(text)! }

    @Test func cashIsRoundedDownAndGivesChange() throws {
        let settlement = try Settlement(total: money("12.37"), payments: [.cash(money("12.30"), tendered: money("20.00"))])
        #expect(settlement.total == money("12.37"))
        #expect(settlement.rounding == money("-0.07"))
        #expect(settlement.due == money("12.30"))
        #expect(settlement.applied == [.cash: money("12.30")])
        #expect(settlement.cashTendered == money("20.00"))
        #expect(settlement.change == money("7.70"))
    }

    @Test func cashAboveWhatIsDueComesBackAsChange() throws {
        // The cashier typed the bill handed over as the amount.
        let settlement = try Settlement(total: money("12.37"), payments: [.cash(money("50.00"))])
        #expect(settlement.due == money("12.30"))
        #expect(settlement.applied == [.cash: money("12.30")])
        #expect(settlement.change == money("37.70"))
    }

    @Test func exactCashOnARoundTotal() throws {
        let settlement = try Settlement(total: money("12.30"), payments: [.cash(money("12.30"))])
        #expect(settlement.rounding == .zero())
        #expect(settlement.change == .zero())
    }

    @Test(arguments: [PaymentMethod.card, .yape, .plin])
    func nonCashIsNotRounded(method: PaymentMethod) throws {
        let settlement = try Settlement(total: money("12.37"), payments: [SalePayment(method: method, amount: money("12.37"))])
        #expect(settlement.rounding == .zero())
        #expect(settlement.due == money("12.37"))
        #expect(settlement.applied == [method: money("12.37")])
        #expect(settlement.change == .zero())
    }

    @Test func mixedPaymentRoundsOnlyTheCashPart() throws {
        // Card 5.05 leaves 7.32 in cash → 7.30; rounding the whole 12.37 would leave 7.25, which no coins pay.
        let settlement = try Settlement(total: money("12.37"), payments: [
            SalePayment(method: .card, amount: money("5.05")), .cash(money("7.30"), tendered: money("10.00")),
        ])
        #expect(settlement.rounding == money("-0.02"))
        #expect(settlement.due == money("12.35"))
        #expect(settlement.applied == [.card: money("5.05"), .cash: money("7.30")])
        #expect(settlement.change == money("2.70"))
    }

    @Test func mixedPaymentWithSeveralMethods() throws {
        let settlement = try Settlement(total: money("45.68"), payments: [
            SalePayment(method: .yape, amount: money("20.00")), SalePayment(method: .yape, amount: money("5.00")),
            SalePayment(method: .plin, amount: money("10.00")), .cash(money("5.00")), .cash(money("5.60"), tendered: money("10.00")),
        ])
        #expect(settlement.rounding == money("-0.08"))
        #expect(settlement.due == money("45.60"))
        #expect(settlement.applied == [.yape: money("25.00"), .plin: money("10.00"), .cash: money("10.60")])
        #expect(settlement.cashTendered == money("15.00"))
        #expect(settlement.change == money("4.40"))
    }

    @Test func totalUnderTenCentimosInCashIsDueZero() throws {
        let settlement = try Settlement(total: money("0.05"), payments: [.cash(.zero())])
        #expect(settlement.rounding == money("-0.05"))
        #expect(settlement.due == .zero())
        #expect(settlement.change == .zero())
    }

    @Test func withoutCashNothingIsRounded() {
        #expect(throws: PaymentError.insufficient(missing: money("0.05"))) { try Settlement(total: money("0.05"), payments: []) }
    }

    @Test func freeSaleNeedsNoPayment() throws {
        let settlement = try Settlement(total: .zero(), payments: [])
        #expect(settlement.due == .zero())
        #expect(settlement.applied.isEmpty)
    }

    @Test(arguments: [
        ([SalePayment.cash(Money(cents: 1_000))], PaymentError.insufficient(missing: Money(cents: 230))),
        ([SalePayment(method: .card, amount: Money(cents: 1_000))], .insufficient(missing: Money(cents: 237))),
        ([SalePayment(method: .card, amount: Money(cents: 1_000)), .cash(Money(cents: 200))], .insufficient(missing: Money(cents: 30))),
        ([SalePayment(method: .card, amount: Money(cents: 1_300))], .nonCashExceedsDue(excess: Money(cents: 63))),
        ([SalePayment(method: .yape, amount: Money(cents: 1_237)), SalePayment(method: .card, amount: Money(cents: 100))],
         .nonCashExceedsDue(excess: Money(cents: 100))),
        ([SalePayment(method: .card, amount: .zero()), .cash(Money(cents: 1_300))], .amountNotPositive(.card)),
        ([SalePayment(method: .plin, amount: Money(cents: -100))], .amountNotPositive(.plin)),
        ([SalePayment.cash(Money(cents: -1))], .amountNotPositive(.cash)),
        ([SalePayment.cash(Money(cents: 1_230), tendered: Money(cents: 1_000))],
         .tenderedBelowAmount(tendered: Money(cents: 1_000), amount: Money(cents: 1_230))),
        ([SalePayment(method: .card, amount: Money(cents: 1_237), tendered: Money(cents: 1_500))], .changeOnlyInCash(.card)),
    ] as [([SalePayment], PaymentError)])
    func refusesPaymentsThatDoNotSettle(payments: [SalePayment], error: PaymentError) {
        #expect(throws: error) { try Settlement(total: Money(cents: 1_237), payments: payments) }
    }

    @Test func refusesNegativeTotals() {
        #expect(throws: PaymentError.negativeTotal(Money(cents: -100))) {
            try Settlement(total: Money(cents: -100), payments: [.cash(.zero())])
        }
    }

    @Test func messagesSayHowMuchIsMissing() {
        #expect(PaymentError.insufficient(missing: Money(cents: 230)).message == "Falta pagar S/ 2.30")
        #expect(PaymentError.insufficient(missing: Money(cents: 230)).messageEn == "S/ 2.30 is still to be paid")
        #expect(PaymentError.changeOnlyInCash(.card).message == "El pago con tarjeta no puede dar vuelto")
        #expect(PaymentError.nonCashExceedsDue(excess: Money(cents: 63)).messageEn
            == "Card, Yape or Plin payments exceed the amount due by S/ 0.63: only cash gives change")
    }
}
