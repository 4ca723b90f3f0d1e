import Foundation

/// The JSON bodies we send to Culqi (field names as in culqi-java's JsonData and culqi-python's validators).
enum CulqiRequestBody {
    /// `POST /v2/tokens/yape`
    struct YapeToken: Encodable {
        let number_phone: String
        let otp: String
        let amount: Int64
        let metadata: [String: String]?
    }

    /// `POST /v2/charges`
    struct Charge: Encodable {
        let amount: Int64
        let currency_code: String
        let email: String
        let source_id: String
        /// Capture at once: a Yape payment cannot be authorised now and captured later.
        let capture = true
        let description: String?
        let metadata: [String: String]
    }

    /// `POST /v2/refunds`
    struct Refund: Encodable {
        let amount: Int64
        let charge_id: String
        let reason: String
    }

    static func encode(_ body: some Encodable) throws(PaymentProviderError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(body))
        } catch {
            throw .invalid(.invalidField("request body: \(error)"), .culqi)
        }
    }
}
