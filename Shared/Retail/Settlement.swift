/// How a sale's total is paid: rounding, amount due, change and what each method settles.
///
/// Rounding rule with mixed payments: only the part left to pay in cash is
/// rounded (the cash part absorbs the rounding), and only when the payments
/// include cash. Card, Yape and Plin charge exact céntimos, so rounding the
/// whole total would leave a cash remainder such as S/ 7.25 that no coins pay.
/// Total 12.37 with card 5.05: cash part 7.32 → 7.30, due 12.35, rounding −0.02.
public struct Settlement: Sendable, Hashable {
    public let total: Money
    /// Zero or negative: the cash-rounding line of the receipt.
    public let rounding: Money
    /// `total + rounding`: what the payments settle.
    public let due: Money
    /// Per method used, what it settles; the values add up to `due`.
    public let applied: [PaymentMethod: Money]
    public let cashTendered: Money
    /// Only cash gives change.
    public let change: Money

    public init(total: Money, payments: [SalePayment]) throws(PaymentError) {
        guard !total.isNegative else { throw .negativeTotal(total) }
        try Self.validate(payments)
        let zero = Money.zero(total.currency)
        let cash = payments.filter { $0.method == .cash }
        let nonCash = payments.filter { $0.method != .cash }.reduce(zero) { $0 + $1.amount }
        guard nonCash <= total else { throw .nonCashExceedsDue(excess: nonCash - total) }
        let rounding = cash.isEmpty ? zero : CashRounding.adjustment(for: total - nonCash)
        let cashDue = total + rounding - nonCash
        let cashGiven = cash.reduce(zero) { $0 + $1.amount }
        guard cashGiven >= cashDue else { throw .insufficient(missing: cashDue - cashGiven) }
        var applied: [PaymentMethod: Money] = cash.isEmpty ? [:] : [.cash: cashDue]
        for payment in payments where payment.method != .cash {
            applied[payment.method, default: zero] += payment.amount
        }
        let tendered = cash.reduce(zero) { $0 + ($1.tendered ?? $1.amount) }
        self.total = total
        self.rounding = rounding
        self.due = total + rounding
        self.applied = applied
        self.cashTendered = tendered
        self.change = tendered - cashDue
    }

    /// Checks each payment on its own, before any sums.
    private static func validate(_ payments: [SalePayment]) throws(PaymentError) {
        for payment in payments {
            let tendered = payment.tendered ?? payment.amount
            if payment.method == .cash {
                guard !payment.amount.isNegative else { throw .amountNotPositive(.cash) }
                guard tendered >= payment.amount else { throw .tenderedBelowAmount(tendered: tendered, amount: payment.amount) }
            } else {
                guard payment.amount.cents > 0 else { throw .amountNotPositive(payment.method) }
                guard tendered == payment.amount else { throw .changeOnlyInCash(payment.method) }
            }
        }
    }
}
