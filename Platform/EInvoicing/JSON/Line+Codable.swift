import Foundation

extension Line: Codable {
    private enum CodingKeys: String, CodingKey {
        case description, unitCode, quantity, unitValue, unitPrice, affectation, discount, productCode
    }

    /// `unitCode` defaults to "NIU" and `affectation` to "10" (gravado).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            description: try container.decode(String.self, forKey: .description),
            unitCode: try container.decodeIfPresent(String.self, forKey: .unitCode) ?? "NIU",
            quantity: try container.decodeDecimal(forKey: .quantity),
            unitValue: try container.decodeDecimalIfPresent(forKey: .unitValue),
            unitPrice: try container.decodeDecimalIfPresent(forKey: .unitPrice),
            affectation: try container.decodeIfPresent(TaxAffectation.self, forKey: .affectation) ?? .gravado,
            discount: try container.decodeDecimalIfPresent(forKey: .discount),
            productCode: try container.decodeIfPresent(String.self, forKey: .productCode)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(description, forKey: .description)
        try container.encode(unitCode, forKey: .unitCode)
        try container.encode(quantity, forKey: .quantity)
        try container.encodeIfPresent(unitValue, forKey: .unitValue)
        try container.encodeIfPresent(unitPrice, forKey: .unitPrice)
        try container.encode(affectation, forKey: .affectation)
        try container.encodeIfPresent(discount, forKey: .discount)
        try container.encodeIfPresent(productCode, forKey: .productCode)
    }
}
