import Foundation
import Shared

/// Document-level discounts and charges (SUNAT catalogue 53).
public enum AdjustmentCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Global discount that lowers the IGV base; applies to the gravado lines.
    case discountAffectingBase = "02"
    /// Global discount taken off the total after taxes.
    case discountNotAffectingBase = "03"
    /// Global charge that raises the IGV base.
    case chargeAffectingBase = "49"
    /// Global charge added to the total after taxes.
    case chargeNotAffectingBase = "50"

    public var code: String { rawValue }
    public var isCharge: Bool { self == .chargeAffectingBase || self == .chargeNotAffectingBase }
    public var affectsBase: Bool { self == .discountAffectingBase || self == .chargeAffectingBase }
}

/// A global discount or charge, amount without IGV for the base-affecting codes.
public struct GlobalAdjustment: Sendable, Equatable {
    public var code: AdjustmentCode
    /// At most 2 decimals, greater than zero.
    public var amount: Decimal
    /// Optional guard: when given it must equal the document currency.
    public var currency: Currency?

    public init(code: AdjustmentCode, amount: Decimal, currency: Currency? = nil) {
        self.code = code
        self.amount = amount
        self.currency = currency
    }
}
