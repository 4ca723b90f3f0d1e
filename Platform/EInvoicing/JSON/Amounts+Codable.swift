import Foundation
import Shared

extension GlobalAdjustment: Codable {
    private enum CodingKeys: String, CodingKey { case code, amount, currency }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(AdjustmentCode.self, forKey: .code),
            amount: try container.decodeDecimal(forKey: .amount),
            currency: try container.decodeIfPresent(Currency.self, forKey: .currency)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(amount, forKey: .amount)
        try container.encodeIfPresent(currency, forKey: .currency)
    }
}

extension Cuota: Codable {
    private enum CodingKeys: String, CodingKey { case amount, dueDate, currency }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            amount: try container.decodeDecimal(forKey: .amount),
            dueDate: try container.decode(LimaDate.self, forKey: .dueDate),
            currency: try container.decodeIfPresent(Currency.self, forKey: .currency)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount, forKey: .amount)
        try container.encode(dueDate, forKey: .dueDate)
        try container.encodeIfPresent(currency, forKey: .currency)
    }
}

extension DeclaredTotals: Codable {
    private enum CodingKeys: String, CodingKey {
        case currency, taxedAmount, exoneratedAmount, unaffectedAmount, exportAmount, freeAmount, igv
        case taxAmount, lineExtensionAmount, taxInclusiveAmount, allowanceTotalAmount, chargeTotalAmount, payableAmount
    }

    /// Each amount key with the property it fills; computed because key paths are not `Sendable`.
    private static var amounts: [(CodingKeys, WritableKeyPath<DeclaredTotals, Decimal?>)] {
        [
            (.taxedAmount, \.taxedAmount), (.exoneratedAmount, \.exoneratedAmount),
            (.unaffectedAmount, \.unaffectedAmount), (.exportAmount, \.exportAmount), (.freeAmount, \.freeAmount),
            (.igv, \.igv), (.taxAmount, \.taxAmount), (.lineExtensionAmount, \.lineExtensionAmount),
            (.taxInclusiveAmount, \.taxInclusiveAmount), (.allowanceTotalAmount, \.allowanceTotalAmount),
            (.chargeTotalAmount, \.chargeTotalAmount), (.payableAmount, \.payableAmount),
        ]
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(currency: try container.decodeIfPresent(Currency.self, forKey: .currency))
        for (key, path) in Self.amounts {
            self[keyPath: path] = try container.decodeDecimalIfPresent(forKey: key)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(currency, forKey: .currency)
        for (key, path) in Self.amounts {
            try container.encodeIfPresent(self[keyPath: path], forKey: key)
        }
    }
}

extension SummaryAmounts: Codable {
    private enum CodingKeys: String, CodingKey {
        case total, taxed, exonerated, unaffected, export, free, otherCharges, igv
    }

    /// Each amount key with the property it fills; computed because key paths are not `Sendable`.
    private static var amounts: [(CodingKeys, WritableKeyPath<SummaryAmounts, Decimal>)] {
        [
            (.total, \.total), (.taxed, \.taxed), (.exonerated, \.exonerated), (.unaffected, \.unaffected),
            (.export, \.export), (.free, \.free), (.otherCharges, \.otherCharges), (.igv, \.igv),
        ]
    }

    /// `total` is required; the other amounts default to zero, as a boleta seldom has them all.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let total = try container.decodeDecimalIfPresent(forKey: .total) else {
            throw DecodingError.keyNotFound(CodingKeys.total, .init(codingPath: container.codingPath, debugDescription: "total is required"))
        }
        self.init(total: total)
        for (key, path) in Self.amounts.dropFirst() {
            self[keyPath: path] = try container.decodeDecimalIfPresent(forKey: key) ?? 0
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        for (key, path) in Self.amounts {
            try container.encode(self[keyPath: path], forKey: key)
        }
    }
}
