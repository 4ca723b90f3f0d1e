import Foundation

/// One item sold (or given away) on a comprobante.
///
/// Give exactly one of `unitValue` (valor unitario, without IGV) or
/// `unitPrice` (precio unitario, IGV included); the engine derives the other.
/// For free lines the value given is the reference value of one unit.
public struct Line: Sendable, Equatable {
    public var description: String
    /// Unit of measure (catalogue 03 / UN/ECE rec 20): "NIU" goods, "ZZ" services, "KGM"...
    public var unitCode: String
    /// Up to 10 decimals, greater than zero.
    public var quantity: Decimal
    /// Valor unitario without IGV, up to 10 decimals.
    public var unitValue: Decimal?
    /// Precio unitario with IGV, up to 10 decimals.
    public var unitPrice: Decimal?
    public var affectation: TaxAffectation
    /// Line discount that lowers the taxable base (catalogue 53 code 00), at most 2 decimals.
    public var discount: Decimal?
    /// The seller's own product code, printed as `SellersItemIdentification`.
    public var productCode: String?

    public init(
        description: String, unitCode: String = "NIU", quantity: Decimal,
        unitValue: Decimal? = nil, unitPrice: Decimal? = nil,
        affectation: TaxAffectation = .gravado, discount: Decimal? = nil, productCode: String? = nil
    ) {
        self.description = description
        self.unitCode = unitCode
        self.quantity = quantity
        self.unitValue = unitValue
        self.unitPrice = unitPrice
        self.affectation = affectation
        self.discount = discount
        self.productCode = productCode
    }
}
