import Foundation
import Shared

/// Sums computed lines and global adjustments into document totals.
///
/// IGV is never recomputed from the summed base: the document IGV is the sum
/// of line IGVs, each rounded half-up, minus/plus the IGV of base-affecting
/// global adjustments, rounded the same way. That keeps every line and the
/// total consistent with SUNAT's per-line check (rule 3103).
enum TotalsCalculator {
    static func compute(
        lines: [ComputedLine], adjustments: [GlobalAdjustment], currency: Currency
    ) throws(EInvoiceError) -> DocumentTotals {
        let sums = SchemeSums(lines)
        let affecting = try baseAffecting(adjustments, taxedBase: sums.value(.igv), hasTaxedLines: sums.has(.igv))
        let taxed = sums.value(.igv) - affecting.discounts + affecting.charges
        let igv = sums.igv - affecting.discountIGV + affecting.chargeIGV
        let onerous = sums.value(.igv) + sums.value(.exonerado) + sums.value(.inafecto) + sums.value(.exportacion)
        let lineExtension = onerous - affecting.discounts + affecting.charges
        let taxInclusive = lineExtension + igv
        let after = try afterTax(adjustments, taxInclusive: taxInclusive)
        let computed = adjustments.map { adjustment in
            computedAdjustment(adjustment, taxedBase: sums.value(.igv), taxInclusive: taxInclusive)
        }
        return DocumentTotals(
            currency: currency,
            subtotals: subtotals(sums, taxed: taxed, igv: igv),
            taxedAmount: taxed, exoneratedAmount: sums.value(.exonerado), unaffectedAmount: sums.value(.inafecto),
            exportAmount: sums.value(.exportacion), freeAmount: sums.value(.gratuito), igv: igv, freeIGV: sums.freeIGV,
            taxAmount: igv, lineExtensionAmount: lineExtension, taxInclusiveAmount: taxInclusive,
            allowanceTotalAmount: after.allowances, chargeTotalAmount: after.charges,
            payableAmount: taxInclusive - after.allowances + after.charges, adjustments: computed
        )
    }

    private static func subtotals(_ sums: SchemeSums, taxed: Decimal, igv: Decimal) -> [TaxSubtotal] {
        TaxScheme.allCases.filter(sums.has).map { scheme in
            switch scheme {
            case .igv: TaxSubtotal(scheme: scheme, taxableAmount: taxed, taxAmount: igv)
            case .gratuito: TaxSubtotal(scheme: scheme, taxableAmount: sums.value(scheme), taxAmount: sums.freeIGV)
            default: TaxSubtotal(scheme: scheme, taxableAmount: sums.value(scheme), taxAmount: 0)
            }
        }
    }

    private struct BaseAffecting {
        var discounts: Decimal = 0, charges: Decimal = 0, discountIGV: Decimal = 0, chargeIGV: Decimal = 0
    }

    /// Codes 02 and 49 move the gravado base, so they need gravado lines and
    /// a discount may not take the base below zero (rule 3277).
    private static func baseAffecting(
        _ adjustments: [GlobalAdjustment], taxedBase: Decimal, hasTaxedLines: Bool
    ) throws(EInvoiceError) -> BaseAffecting {
        var result = BaseAffecting()
        var lastDiscount: Int?
        for (index, adjustment) in adjustments.enumerated() where adjustment.code.affectsBase {
            guard hasTaxedLines else { throw .notAllowed(field: "adjustments[\(index)].code", rule: "3277") }
            let igv = DecimalRules.cents(adjustment.amount * IGV.rate)
            if adjustment.code.isCharge {
                result.charges += adjustment.amount
                result.chargeIGV += igv
            } else {
                result.discounts += adjustment.amount
                result.discountIGV += igv
                lastDiscount = index
            }
        }
        if let index = lastDiscount, result.discounts > taxedBase + result.charges {
            throw .discountExceedsValue(field: "adjustments[\(index)].amount", rule: "3277")
        }
        return result
    }

    /// Codes 03 and 50 apply after taxes; the payable amount cannot go negative (rule 3280).
    private static func afterTax(
        _ adjustments: [GlobalAdjustment], taxInclusive: Decimal
    ) throws(EInvoiceError) -> (allowances: Decimal, charges: Decimal) {
        var allowances: Decimal = 0
        var charges: Decimal = 0
        var lastAllowance: Int?
        for (index, adjustment) in adjustments.enumerated() where !adjustment.code.affectsBase {
            if adjustment.code.isCharge {
                charges += adjustment.amount
            } else {
                allowances += adjustment.amount
                lastAllowance = index
            }
        }
        if let index = lastAllowance, allowances > taxInclusive + charges {
            throw .discountExceedsValue(field: "adjustments[\(index)].amount", rule: "3280")
        }
        return (allowances, charges)
    }

    private static func computedAdjustment(
        _ adjustment: GlobalAdjustment, taxedBase: Decimal, taxInclusive: Decimal
    ) -> ComputedAdjustment {
        let base = adjustment.code.affectsBase ? taxedBase : taxInclusive
        var factor: Decimal?
        if base > 0 {
            let ratio = Rounding.halfUp(adjustment.amount / base, scale: 5)
            factor = ratio < 1000 ? ratio : nil
        }
        let igv = adjustment.code.affectsBase ? DecimalRules.cents(adjustment.amount * IGV.rate) : 0
        return ComputedAdjustment(adjustment: adjustment, baseAmount: base, factor: factor, igv: igv)
    }
}

/// Per-scheme sums of line values and IGV.
private struct SchemeSums {
    private var values: [TaxScheme: Decimal] = [:]
    private(set) var igv: Decimal = 0
    private(set) var freeIGV: Decimal = 0

    init(_ lines: [ComputedLine]) {
        for line in lines {
            values[line.scheme, default: 0] += line.lineValue
            if line.affectation.isFree { freeIGV += line.igv } else { igv += line.igv }
        }
    }

    func value(_ scheme: TaxScheme) -> Decimal { values[scheme] ?? 0 }
    func has(_ scheme: TaxScheme) -> Bool { values[scheme] != nil }
}
