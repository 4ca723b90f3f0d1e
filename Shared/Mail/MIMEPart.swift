import Foundation

/// One entity of an outgoing message: headers and an already transfer-encoded body.
struct MIMEPart {
    var headers: [(name: String, value: String)]
    /// CRLF-separated lines, without a final CRLF.
    var body: String

    /// Headers, blank line, body; no final CRLF (in a multipart it belongs to the
    /// next boundary delimiter, RFC 2046 §5.1.1).
    var serialized: String {
        headers.map { HeaderField.line($0.name, $0.value) + "\r\n" }.joined() + "\r\n" + body
    }

    static func text(_ content: String, subtype: String) -> MIMEPart {
        MIMEPart(
            headers: [
                ("Content-Type", "text/\(subtype); charset=UTF-8"),
                ("Content-Transfer-Encoding", "quoted-printable"),
            ],
            body: QuotedPrintable.encode(content)
        )
    }

    static func attachment(_ attachment: MailAttachment) -> MIMEPart {
        let filename = AttachmentFilename(attachment.filename)
        var disposition = "attachment; filename=\(MIMEParameters.quoted(filename.asciiFallback))"
        if !filename.isASCII { disposition += "; filename*=\(RFC2231.encode(filename.value))" }
        let contentType = "\(mediaType(attachment.contentType)); name=\(MIMEParameters.quoted(filename.asciiFallback))"
        return MIMEPart(
            headers: [
                ("Content-Type", contentType),
                ("Content-Disposition", disposition),
                ("Content-Transfer-Encoding", "base64"),
            ],
            body: MailBase64.lines(attachment.data)
        )
    }

    static func multipart(_ subtype: String, _ parts: [MIMEPart]) -> MIMEPart {
        let boundary = newBoundary()
        let body = parts.map { "--\(boundary)\r\n\($0.serialized)\r\n" }.joined() + "--\(boundary)--"
        return MIMEPart(headers: [("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"")], body: body)
    }

    /// "=_" followed by hex: "=_" cannot start a quoted-printable line ("=" must
    /// be followed by hex or a line break) nor appear in base64, so no body line
    /// can be mistaken for a delimiter.
    static func newBoundary() -> String {
        "=_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
    }

    /// The caller's media type when it is well formed, parameters kept;
    /// otherwise the neutral application/octet-stream.
    static func mediaType(_ raw: String) -> String {
        let value = HeaderText.singleLine(raw).trimmingCharacters(in: .whitespaces)
        let essence = value.split(separator: ";", maxSplits: 1).first ?? ""
        let halves = essence.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        let isToken = { (part: Substring) in
            !part.isEmpty && part.unicodeScalars.allSatisfy { (33...126).contains($0.value) && !"()<>@,;:\\\"/[]?=".unicodeScalars.contains($0) }
        }
        guard value.unicodeScalars.allSatisfy(\.isASCII), halves.count == 2, halves.allSatisfy(isToken) else {
            return "application/octet-stream"
        }
        return value
    }
}
