import Foundation

extension PaymentTerms: Codable {
    private enum CodingKeys: String, CodingKey { case type, cuotas }

    /// `{"type": "contado"}` or `{"type": "credito", "cuotas": [...]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type).lowercased() {
        case "contado": self = .contado
        case "credito", "crédito": self = .credito(try container.decodeIfPresent([Cuota].self, forKey: .cuotas) ?? [])
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "Unknown payment type \"\(other)\", expected contado or credito")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .contado:
            try container.encode("contado", forKey: .type)
        case .credito(let cuotas):
            try container.encode("credito", forKey: .type)
            try container.encode(cuotas, forKey: .cuotas)
        }
    }
}
