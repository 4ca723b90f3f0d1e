import Foundation

/// The readable text and the files found by walking a message's MIME tree.
struct MailContent {
    /// Deeper nesting than any real mailer produces; the cap keeps a crafted
    /// message from exhausting the stack.
    static let maxDepth = 32

    var textBody: String?
    var htmlBody: String?
    var attachments: [MailAttachment] = []

    init(_ root: MIMEEntity) {
        var root = root
        // A single-part message body ends with the CRLF that closes its last line;
        // the composer adds one, so drop one.
        if root.body.last == .lf { root.body = root.body.dropLast() }
        if root.body.last == .cr { root.body = root.body.dropLast() }
        collect(root, depth: 0)
    }

    private mutating func collect(_ entity: MIMEEntity, depth: Int) {
        let contentType = MIMEParameters(entity.header("Content-Type") ?? "text/plain")
        if contentType.value.hasPrefix("multipart/"), let boundary = contentType["boundary"], !boundary.isEmpty {
            guard depth < Self.maxDepth else { return }
            for part in MultipartBody.parts(of: entity.body, boundary: boundary) {
                collect(MIMEEntity(part), depth: depth + 1)
            }
            return
        }
        let disposition = MIMEParameters(entity.header("Content-Disposition") ?? "")
        let filename = Self.filename(disposition: disposition, contentType: contentType)
        let data = Self.decodedBody(entity)
        let mediaType = contentType.value.contains("/") ? contentType.value : "text/plain"
        if disposition.value != "attachment", filename == nil, mediaType == "text/plain", textBody == nil {
            textBody = LineBreaks.toLF(MailCharset.decode(data, charset: contentType["charset"]))
        } else if disposition.value != "attachment", filename == nil, mediaType == "text/html", htmlBody == nil {
            htmlBody = LineBreaks.toLF(MailCharset.decode(data, charset: contentType["charset"]))
        } else {
            attachments.append(MailAttachment(filename: filename ?? "attachment", contentType: mediaType, data: data))
        }
    }

    private static func decodedBody(_ entity: MIMEEntity) -> Data {
        let encoding = (entity.header("Content-Transfer-Encoding") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch encoding {
        case "base64": return MailBase64.decode(entity.body)
        case "quoted-printable": return Data(QuotedPrintable.decode(bytes: entity.body))
        default: return Data(entity.body)
        }
    }

    /// RFC 2231 and plain `filename=` via `MIMEParameters`, then the older `name=`;
    /// Outlook and Gmail put RFC 2047 encoded-words inside quotes, so decode those too.
    private static func filename(disposition: MIMEParameters, contentType: MIMEParameters) -> String? {
        guard let raw = disposition["filename"] ?? contentType["name"] else { return nil }
        let name = EncodedWord.decode(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }
}
