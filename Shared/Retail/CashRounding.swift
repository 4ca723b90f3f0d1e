/// Rounding of cash amounts in favour of the consumer.
///
/// Peru has no coins below 10 céntimos in circulation, and the consumer
/// protection code (Ley 29571) puts any rounding in the customer's favour: a
/// cash amount is rounded *down* to the nearest S/ 0.10, and the difference
/// is shown as its own line. Card, Yape and Plin charge the exact amount.
public enum CashRounding {
    /// The step cash amounts are rounded to, in céntimos.
    public static let stepCents: Int64 = 10

    /// The (zero or negative) adjustment that brings `amount` down to a
    /// multiple of S/ 0.10: 12.37 → −0.07, 12.30 → 0.00, 0.05 → −0.05.
    ///
    /// Never pushes an amount below zero, and leaves zero and negative amounts
    /// (refunds are not rounded here) alone.
    public static func adjustment(for amount: Money) -> Money {
        guard amount.cents > 0 else { return .zero(amount.currency) }
        return Money(cents: -(amount.cents % stepCents), currency: amount.currency)
    }

    /// `amount` rounded down to S/ 0.10: 12.37 → 12.30, 0.05 → 0.00.
    public static func rounded(_ amount: Money) -> Money {
        amount + adjustment(for: amount)
    }
}
