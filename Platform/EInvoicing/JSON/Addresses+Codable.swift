import Foundation

extension IssuerAddress: Codable {
    private enum CodingKeys: String, CodingKey {
        case ubigeo, establishmentCode, line, urbanization, district, province, department, countryCode
    }

    /// `establishmentCode` defaults to "0000" and `countryCode` to "PE".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            ubigeo: try container.decodeIfPresent(String.self, forKey: .ubigeo),
            establishmentCode: try container.decodeIfPresent(String.self, forKey: .establishmentCode) ?? "0000",
            line: try container.decodeIfPresent(String.self, forKey: .line),
            urbanization: try container.decodeIfPresent(String.self, forKey: .urbanization),
            district: try container.decodeIfPresent(String.self, forKey: .district),
            province: try container.decodeIfPresent(String.self, forKey: .province),
            department: try container.decodeIfPresent(String.self, forKey: .department),
            countryCode: try container.decodeIfPresent(String.self, forKey: .countryCode) ?? "PE"
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(ubigeo, forKey: .ubigeo)
        try container.encode(establishmentCode, forKey: .establishmentCode)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encodeIfPresent(urbanization, forKey: .urbanization)
        try container.encodeIfPresent(district, forKey: .district)
        try container.encodeIfPresent(province, forKey: .province)
        try container.encodeIfPresent(department, forKey: .department)
        try container.encode(countryCode, forKey: .countryCode)
    }
}

extension CustomerAddress: Codable {
    private enum CodingKeys: String, CodingKey { case line, ubigeo, countryCode }

    /// `countryCode` defaults to "PE".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            line: try container.decode(String.self, forKey: .line),
            ubigeo: try container.decodeIfPresent(String.self, forKey: .ubigeo),
            countryCode: try container.decodeIfPresent(String.self, forKey: .countryCode) ?? "PE"
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encodeIfPresent(ubigeo, forKey: .ubigeo)
        try container.encode(countryCode, forKey: .countryCode)
    }
}
