import Foundation

extension MailMessage {
    /// The RFC 5322 message, every line ending in CRLF (SMTP sinks reject bare LF),
    /// no line over 998 octets.
    public func encoded() -> Data {
        var output = ""
        for field in headerFields() { output += field + "\r\n" }
        output += rootPart().serialized + "\r\n"
        return Data(output.utf8)
    }

    private func headerFields() -> [String] {
        // RFC 5322 §3.6.3: a To field holds at least one address.
        let recipients = to.isEmpty ? "undisclosed-recipients:;" : to.map(\.headerValue).joined(separator: ", ")
        var fields = [HeaderField.line("From", from.headerValue), HeaderField.line("To", recipients)]
        if let replyTo { fields.append(HeaderField.line("Reply-To", replyTo.headerValue)) }
        fields += [
            HeaderText.unstructuredField("Subject", subject),
            HeaderField.line("Date", MailDate.format(date)),
            HeaderField.line("Message-ID", "<\(bareMessageID)>"),
            HeaderField.line("MIME-Version", "1.0"),
        ]
        for header in extraHeaders {
            guard let name = Self.fieldName(header.name) else { continue }
            fields.append(HeaderText.unstructuredField(name, header.value))
        }
        return fields
    }

    private func rootPart() -> MIMEPart {
        let plain = MIMEPart.text(text, subtype: "plain")
        let body = html.map { MIMEPart.multipart("alternative", [plain, .text($0, subtype: "html")]) } ?? plain
        guard !attachments.isEmpty else { return body }
        return .multipart("mixed", [body] + attachments.map(MIMEPart.attachment))
    }

    private var bareMessageID: String {
        String(HeaderText.singleLine(messageID).unicodeScalars.filter { $0 != "<" && $0 != ">" && $0 != " " })
    }

    /// A field name is printable ASCII without colon (RFC 5322 §2.2); a header
    /// whose name cannot be made one is dropped rather than corrupting the message.
    private static func fieldName(_ raw: String) -> String? {
        let name = String(raw.unicodeScalars.filter { (33...126).contains($0.value) && $0 != ":" })
        return name.isEmpty ? nil : name
    }
}
