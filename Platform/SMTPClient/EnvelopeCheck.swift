/// Refuses envelope addresses that would corrupt the SMTP conversation: curl writes them
/// into `MAIL FROM:<...>` and `RCPT TO:<...>` as given, so a CR or LF could inject commands.
enum EnvelopeCheck {
    static func validate(from: String, recipients: [String]) throws(SMTPError) {
        // An empty sender is legal: `MAIL FROM:<>` is the null reverse-path of bounces.
        if !from.isEmpty {
            try validate(address: from, role: "sender")
        }
        guard !recipients.isEmpty else {
            throw SMTPError.invalidInput("no recipients")
        }
        for recipient in recipients {
            try validate(address: recipient, role: "recipient")
        }
    }

    private static func validate(address: String, role: String) throws(SMTPError) {
        let forbidden = address.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F || $0 == "<" || $0 == ">" }
        guard !address.isEmpty, !forbidden, address.contains("@") else {
            throw SMTPError.invalidInput("invalid \(role) address \(address.debugDescription)")
        }
    }
}
