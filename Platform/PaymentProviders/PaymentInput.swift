import Foundation
import Shared

/// Checks shared by the Stripe and Culqi clients, run before anything is sent.
enum PaymentInput {
    static func requirePositive(_ amount: Money, _ provider: PaymentProvider) throws(PaymentProviderError) {
        guard amount.cents > 0 else { throw .invalid(.amountNotPositive(amount), provider) }
    }

    /// Provider ids go into URL paths: anything but letters, digits and "_" could reach another resource.
    static func requireID(_ id: String, field: String, _ provider: PaymentProvider) throws(PaymentProviderError) {
        let allowed = id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
            default: false
            }
        }
        guard allowed, (1...255).contains(id.utf8.count) else { throw .invalid(.invalidField(field), provider) }
    }

    static func requireText(
        _ text: String, field: String, maxLength: Int, _ provider: PaymentProvider
    ) throws(PaymentProviderError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, text.count <= maxLength else { throw .invalid(.invalidField(field), provider) }
    }

    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
