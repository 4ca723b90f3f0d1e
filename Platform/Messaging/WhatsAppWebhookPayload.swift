import Foundation

/// The parts of Meta's `whatsapp_business_account` webhook body that we use.
struct WhatsAppWebhookPayload: Decodable {
    struct Entry: Decodable { let changes: [Change]? }
    struct Change: Decodable { let value: Value? }
    struct Value: Decodable {
        let statuses: [Status]?
        let messages: [Message]?
    }

    struct Status: Decodable {
        struct Failure: Decodable {
            struct ErrorData: Decodable { let details: String? }
            let code: Int?
            let title: String?
            let message: String?
            let error_data: ErrorData?
        }
        let id: String
        let status: String
        let timestamp: String?
        let recipient_id: String?
        let errors: [Failure]?

        var update: WhatsAppWebhook.StatusUpdate {
            let failure = errors?.first
            var words: [String] = []
            for word in [failure?.title ?? failure?.message, failure?.error_data?.details] {
                if let word, !word.isEmpty, !words.contains(word) { words.append(word) }
            }
            return .init(
                messageID: id, status: status, timestamp: unixDate(timestamp), recipientID: recipient_id,
                errorCode: failure?.code.map(String.init),
                errorMessage: words.isEmpty ? nil : words.joined(separator: ": "))
        }
    }

    struct Message: Decodable {
        let from: String
        let timestamp: String?

        var inbound: WhatsAppWebhook.InboundMessage { .init(from: from, timestamp: unixDate(timestamp)) }
    }

    let entry: [Entry]?
}

/// Meta sends Unix seconds as a string ("1712345678").
private func unixDate(_ text: String?) -> Date? {
    guard let text, let seconds = TimeInterval(text) else { return nil }
    return Date(timeIntervalSince1970: seconds)
}
