import Foundation

/// A single-use Yape token from `POST /v2/tokens/yape`; it stands for the payer's approval of one amount.
public struct CulqiYapeToken: Sendable, Equatable, Decodable {
    public let id: String
    /// "yape"
    public let type: String?
    public let metadata: [String: String]

    enum CodingKeys: String, CodingKey { case id, type, metadata }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        metadata = try c.decodeCulqiMetadata(forKey: .metadata)
    }
}

/// A charge, as `POST /v2/charges` creates it and `GET /v2/charges/{id}` reads it back.
public struct CulqiCharge: Sendable, Equatable, Decodable {
    /// Culqi's verdict: `type` "venta_exitosa" for a sale, with messages for us and the payer.
    public struct Outcome: Sendable, Equatable, Decodable {
        public let type: String?
        public let code: String?
        public let merchantMessage: String?
        public let userMessage: String?

        enum CodingKeys: String, CodingKey {
            case type, code
            case merchantMessage = "merchant_message"
            case userMessage = "user_message"
        }
    }

    /// "chr_…"
    public let id: String
    /// Céntimos.
    public let amount: Int64
    public let amountRefunded: Int64
    /// "PEN" or "USD".
    public let currencyCode: String
    public let email: String?
    public let outcome: Outcome?
    public let referenceCode: String?
    public let authorizationCode: String?
    /// Milliseconds since 1970 on the wire.
    public let created: Date?
    public let metadata: [String: String]

    /// A completed sale; the only state in which we release what was paid for.
    public var succeeded: Bool { outcome?.type == "venta_exitosa" }

    enum CodingKeys: String, CodingKey {
        case id, amount, email, outcome, metadata
        case amountRefunded = "amount_refunded"
        case currencyCode = "currency_code"
        case referenceCode = "reference_code"
        case authorizationCode = "authorization_code"
        case creationDate = "creation_date"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        amount = try c.decode(Int64.self, forKey: .amount)
        amountRefunded = try c.decodeIfPresent(Int64.self, forKey: .amountRefunded) ?? 0
        currencyCode = try c.decode(String.self, forKey: .currencyCode)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        outcome = try c.decodeIfPresent(Outcome.self, forKey: .outcome)
        referenceCode = try c.decodeIfPresent(String.self, forKey: .referenceCode)
        authorizationCode = try c.decodeIfPresent(String.self, forKey: .authorizationCode)
        created = try c.decodeIfPresent(Int64.self, forKey: .creationDate)
            .map { Date(timeIntervalSince1970: TimeInterval($0) / 1000) }
        metadata = try c.decodeCulqiMetadata(forKey: .metadata)
    }
}

/// A refund from `POST /v2/refunds`.
public struct CulqiRefund: Sendable, Equatable, Decodable {
    public let id: String
    public let chargeID: String?
    /// Céntimos.
    public let amount: Int64
    public let reason: String?

    enum CodingKeys: String, CodingKey {
        case id, amount, reason
        case chargeID = "charge_id"
    }
}

extension KeyedDecodingContainer {
    /// Culqi echoes metadata as sent, and other integrations send numbers (`"dni": 71702935`).
    func decodeCulqiMetadata(forKey key: Key) throws -> [String: String] {
        guard let raw = try? decodeIfPresent([String: CulqiScalar].self, forKey: key) else { return [:] }
        return raw.compactMapValues(\.text)
    }
}

private struct CulqiScalar: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let string = try? value.decode(String.self) {
            text = string
        } else if let number = try? value.decode(Int64.self) {
            text = String(number)
        } else if let flag = try? value.decode(Bool.self) {
            text = String(flag)
        } else {
            text = nil
        }
    }
}
