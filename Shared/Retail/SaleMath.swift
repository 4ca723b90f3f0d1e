/// One line as the register rings it up; prices include IGV.
public struct SaleLineInput: Sendable, Hashable {
    public var unitPrice: Money
    public var quantity: Quantity
    public var discount: Money
    public var affectation: IGVAffectation

    public init(unitPrice: Money, quantity: Quantity, discount: Money = .zero(), affectation: IGVAffectation = .gravado) {
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.discount = discount
        self.affectation = affectation
    }
}

/// A line's amounts; `base + igv == total` always.
public struct SaleLineAmounts: Sendable, Hashable {
    public let affectation: IGVAffectation
    /// Unit price × quantity, rounded half-up to céntimos.
    public let amount: Money
    public let discount: Money
    /// What the customer pays for the line: `amount − discount`.
    public let total: Money
    /// The taxable base for gravado lines, the whole total otherwise.
    public let base: Money
    public let igv: Money
}

/// The totals a comprobante prints. `opGravada + opExonerada + opInafecta + igv == total`.
public struct SaleTotals: Sendable, Hashable {
    public let lines: [SaleLineAmounts]
    public let opGravada: Money
    public let opExonerada: Money
    public let opInafecta: Money
    public let igv: Money
    public let total: Money
}

/// The arithmetic of a sale at a register.
public enum SaleMath {
    /// Unit price × quantity rounded half-up to céntimos (2.35 × 0.250 kg = 0.5875 → 0.59).
    public static func amount(unitPrice: Money, quantity: Quantity) -> Money {
        Money.rounded(unitPrice.decimal * quantity.decimal, currency: unitPrice.currency)
    }

    /// The amounts of one line; `number` (from 1) names the line in errors.
    ///
    /// IGV is split per line from the discounted total (base = total / 1.18,
    /// IGV the remainder), so each line's parts add up to what it charges.
    public static func line(_ input: SaleLineInput, number: Int = 1) throws(SaleError) -> SaleLineAmounts {
        guard input.quantity.milli > 0 else { throw .quantityNotPositive(line: number) }
        guard !input.unitPrice.isNegative else { throw .negativePrice(line: number) }
        guard !input.discount.isNegative else { throw .negativeDiscount(line: number) }
        let amount = amount(unitPrice: input.unitPrice, quantity: input.quantity)
        guard input.discount <= amount else {
            throw .discountExceedsAmount(line: number, discount: input.discount, amount: amount)
        }
        let total = amount - input.discount
        let split = input.affectation == .gravado ? IGV.fromTotal(total) : (base: total, igv: .zero(total.currency), total: total)
        return SaleLineAmounts(affectation: input.affectation, amount: amount, discount: input.discount,
                               total: total, base: split.base, igv: split.igv)
    }

    /// Totals of a sale; the first bad line (numbered from 1) is the error.
    public static func totals(of inputs: [SaleLineInput]) throws(SaleError) -> SaleTotals {
        let currency = inputs.first?.unitPrice.currency ?? .pen
        var lines: [SaleLineAmounts] = []
        for (index, input) in inputs.enumerated() {
            lines.append(try line(input, number: index + 1))
        }
        func sum(_ keep: (SaleLineAmounts) -> Bool, _ value: KeyPath<SaleLineAmounts, Money>) -> Money {
            lines.filter(keep).reduce(.zero(currency)) { $0 + $1[keyPath: value] }
        }
        return SaleTotals(
            lines: lines,
            opGravada: sum({ $0.affectation == .gravado }, \.base),
            opExonerada: sum({ $0.affectation == .exonerado }, \.base),
            opInafecta: sum({ $0.affectation == .inafecto }, \.base),
            igv: sum({ _ in true }, \.igv),
            total: sum({ _ in true }, \.total))
    }
}
