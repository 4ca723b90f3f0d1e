import Foundation
import Shared

/// Amounts may arrive as JSON numbers or as strings ("11.80"): strings keep
/// exact decimals even through tools that would turn numbers into binary
/// floating point. Either way the value ends up as a `Decimal`, never a `Double`.
extension KeyedDecodingContainer {
    func decodeDecimal(forKey key: Key) throws -> Decimal {
        if let text = try? decode(String.self, forKey: key) {
            guard let value = DecimalText.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "Invalid decimal \"\(text)\"")
            }
            return value
        }
        return try decode(Decimal.self, forKey: key)
    }

    func decodeDecimalIfPresent(forKey key: Key) throws -> Decimal? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeDecimal(forKey: key)
    }
}
