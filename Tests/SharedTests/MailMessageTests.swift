import Foundation
import Shared
import Testing

@Suite("Mail: composer")
struct MailMessageTests {
    typealias Support = MailTestSupport

    @Test func plainMessageIsOneQuotedPrintableTextPart() {
        let wire = Support.wire(Support.message(text: "Año = 2026"))
        #expect(wire.contains("\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nA=C3=B1o =3D 2026\r\n"))
        #expect(!wire.contains("multipart"))
        #expect(wire.hasSuffix("\r\n\r\nA=C3=B1o =3D 2026\r\n"))
    }

    @Test func headersComeInOrderWithMIMEVersionBeforeExtras() {
        var message = Support.message(extraHeaders: [("List-Unsubscribe", "<https://multinicho.pe/baja?t=1>")])
        message.replyTo = MailAddress("soporte@bodega.pe")
        let wire = Support.wire(message)
        #expect(Support.headerNames(wire) == [
            "From", "To", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe",
            "Content-Type", "Content-Transfer-Encoding",
        ])
        #expect(wire.contains("\r\nReply-To: soporte@bodega.pe\r\n"))
        #expect(wire.contains("\r\nMessage-ID: <abc123@multinicho.pe>\r\n"))
        #expect(wire.contains("\r\nMIME-Version: 1.0\r\n"))
        #expect(wire.contains("\r\nList-Unsubscribe: <https://multinicho.pe/baja?t=1>\r\n"))
        #expect(wire.hasPrefix("From: =?UTF-8?B?"))
        #expect(wire.contains("?= <ventas@bodega.pe>\r\nTo: cliente@example.pe\r\n"))
    }

    @Test func dateIsLimaTimeInRFC5322Form() {
        #expect(Support.wire(Support.message()).contains("\r\nDate: Sat, 21 Nov 2026 10:00:00 -0500\r\n"))
        var message = Support.message()
        message.date = Date(timeIntervalSince1970: 0)  // 31/12/1969 19:00 in Lima
        #expect(Support.wire(message).contains("\r\nDate: Wed, 31 Dec 1969 19:00:00 -0500\r\n"))
    }

    @Test func htmlMakesAnAlternativeWithTextFirst() throws {
        let wire = Support.unfolded(Support.message(text: "Hola", html: "<p>Hola</p>"))
        let boundary = try #require(Support.boundaries(wire).first)
        #expect(Support.boundaries(wire).count == 1)
        #expect(boundary.hasPrefix("=_"))
        #expect(wire.contains("Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\nContent-Type: text/plain; charset=UTF-8\r\n"))
        let html = "--\(boundary)\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>Hola</p>\r\n--\(boundary)--\r\n"
        #expect(wire.hasSuffix(html))
    }

    @Test func attachmentsMakeAMixedAroundTheAlternative() throws {
        let pdf = MailAttachment(filename: "boleta.pdf", contentType: "application/pdf", data: Data("%PDF-1.4".utf8))
        let wire = Support.unfolded(Support.message(html: "<p>Hola</p>", attachments: [pdf]))
        let boundaries = Support.boundaries(wire)
        try #require(boundaries.count == 2)
        let (mixed, alternative) = (boundaries[0], boundaries[1])
        #expect(mixed != alternative)
        #expect(wire.contains("Content-Type: multipart/mixed; boundary=\"\(mixed)\"\r\n\r\n--\(mixed)\r\nContent-Type: multipart/alternative; boundary=\"\(alternative)\"\r\n"))
        #expect(wire.contains("\r\n--\(alternative)--\r\n--\(mixed)\r\nContent-Type: application/pdf; name=\"boleta.pdf\"\r\n"
            + "Content-Disposition: attachment; filename=\"boleta.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQ=\r\n--\(mixed)--\r\n"))
    }

    @Test func attachmentsWithoutHTMLPutThePlainTextFirst() throws {
        let file = MailAttachment(filename: "a.txt", contentType: "text/plain", data: Data("x".utf8))
        let wire = Support.unfolded(Support.message(attachments: [file, file]))
        let boundary = try #require(Support.boundaries(wire).first)
        #expect(Support.boundaries(wire).count == 1)
        #expect(wire.contains("multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\nContent-Type: text/plain; charset=UTF-8\r\n"))
        #expect(wire.components(separatedBy: "\r\n--\(boundary)\r\n").count == 4)
        #expect(!wire.contains("multipart/alternative"))
    }

    @Test func nonASCIIFilenameGetsRFC2231AndAnASCIIFallback() {
        let file = MailAttachment(filename: "Boletín de pago.pdf", contentType: "application/pdf", data: Data([1]))
        let unfolded = Support.unfolded(Support.message(attachments: [file]))
        #expect(unfolded.contains("Content-Disposition: attachment; filename=\"Boletin de pago.pdf\"; filename*=UTF-8''Bolet%C3%ADn%20de%20pago.pdf\r\n"))
        #expect(unfolded.contains("Content-Type: application/pdf; name=\"Boletin de pago.pdf\"\r\n"))
    }

    @Test func malformedContentTypeFallsBackToOctetStream() {
        let file = MailAttachment(filename: "x", contentType: "pdf\r\nBcc: a@b.pe", data: Data([1]))
        let wire = Support.wire(Support.message(attachments: [file]))
        #expect(wire.contains("Content-Type: application/octet-stream; name=\"x\"\r\n"))
        #expect(!wire.contains("\r\nBcc:"))
    }

    @Test func lfAndCRLFTextEncodeTheSame() {
        let lf = Support.message(text: "Línea 1\nLínea 2\n\nFin")
        let crlf = Support.message(text: "Línea 1\r\nLínea 2\r\n\r\nFin")
        #expect(Support.wire(lf) == Support.wire(crlf))
        #expect(Support.wire(lf).hasSuffix("\r\n\r\nL=C3=ADnea 1\r\nL=C3=ADnea 2\r\n\r\nFin\r\n"))
    }

    @Test func nonASCIISubjectIsEncodedAndFolded() {
        let subject = String(repeating: "¡Oferta en Peña! ñandú 🎉 ", count: 6)
        let wire = Support.wire(Support.message(subject: subject))
        let lines = wire.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(lines.count > 2)
        #expect(lines.first?.hasPrefix("Subject: =?UTF-8?B?") == true)
        for line in lines {
            #expect(line.count <= 76, "RFC 2047 §2 caps lines with encoded-words at 76")
            for word in line.split(separator: " ") where word != "Subject:" {
                #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") && word.count <= 75)
            }
        }
    }

    @Test func longASCIISubjectIsFoldedAtSpaces() {
        let subject = (1...40).map { "palabra\($0)" }.joined(separator: " ")
        let wire = Support.wire(Support.message(subject: subject))
        let lines = wire.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.joined() == "Subject: " + subject)
    }

    @Test func unbreakableSubjectStillFitsA998OctetLine() {
        let message = Support.message(subject: String(repeating: "x", count: 3000))
        Support.expectWireFormat(message.encoded())
        #expect(Support.wire(message).contains("Subject: =?UTF-8?B?"))
    }

    @Test func lineBreaksInHeaderValuesCannotInjectHeaders() {
        var message = Support.message(subject: "Hola\r\nBcc: espia@example.com", extraHeaders: [("X-Tag", "a\nb")])
        message.to = [MailAddress("cliente@example.pe\r\nBcc: otro@example.com", name: "Ana\nLópez")]
        let wire = Support.wire(message)
        #expect(!wire.contains("\r\nBcc:"))
        #expect(wire.contains("\r\nSubject: Hola  Bcc: espia@example.com\r\n"))
        #expect(wire.contains("\r\nX-Tag: a b\r\n"))
        Support.expectWireFormat(message.encoded())
    }

    @Test func extraHeaderValuesAreMadeASCII() {
        let wire = Support.wire(Support.message(extraHeaders: [("X-Tienda", "Peña"), ("Bad: Name", "x"), ("", "y")]))
        #expect(wire.contains("\r\nX-Tienda: =?UTF-8?B?UGXDsWE=?=\r\n"))
        #expect(wire.contains("\r\nBadName: x\r\n"))
        #expect(wire.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test(arguments: [
        (nil, "a@b.pe"),
        ("", "a@b.pe"),
        ("Bodega Pena", "Bodega Pena <a@b.pe>"),
        ("Doe, John", "\"Doe, John\" <a@b.pe>"),
        ("J. Doe", "\"J. Doe\" <a@b.pe>"),
        ("Ana \"La Jefa\"", "\"Ana \\\"La Jefa\\\"\" <a@b.pe>"),
        ("Bodega Peña", "=?UTF-8?B?Qm9kZWdhIFBlw7Fh?= <a@b.pe>"),
    ] as [(String?, String)])
    func addressHeaderValue(name: String?, expected: String) {
        #expect(MailAddress("a@b.pe", name: name).headerValue == expected)
    }

    @Test func manyRecipientsAreFolded() {
        var message = Support.message()
        message.to = (1...30).map { MailAddress("cliente\($0)@example.pe", name: "Cliente \($0)") }
        let wire = Support.wire(message)
        let head = wire.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(head.replacingOccurrences(of: "\r\n ", with: " ").contains("Cliente 1 <cliente1@example.pe>, Cliente 2 <cliente2@example.pe>,"))
    }

    @Test func noRecipientsStillWritesAValidToField() {
        var message = Support.message()
        message.to = []
        #expect(Support.wire(message).contains("\r\nTo: undisclosed-recipients:;\r\n"))
    }

    @Test func everyLineEndsInCRLFAndFits() {
        let files = [
            MailAttachment(filename: "datos.bin", contentType: "application/octet-stream", data: Support.randomData(count: 5000, seed: 1)),
            MailAttachment(filename: String(repeating: "ñ", count: 400) + ".pdf", contentType: "application/pdf", data: Data()),
        ]
        let text = String(repeating: "Línea muy larga sin saltos ", count: 200) + "\nfin\r\n\rotro\n"
        let message = Support.message(subject: "Año 🎉", text: text, html: "<p>" + text + "</p>", attachments: files)
        Support.expectWireFormat(message.encoded())
    }

    @Test func defaultsAndMessageIDs() {
        let message = MailMessage(from: MailAddress("ventas@bodega.pe"), to: [], subject: "s", text: "t")
        #expect(message.html == nil && message.replyTo == nil && message.attachments.isEmpty && message.extraHeaders.isEmpty)
        #expect(message.messageID.hasSuffix("@bodega.pe"))
        let ids = Set((0..<1000).map { _ in MailMessage.newMessageID(domain: "multinicho.pe") })
        #expect(ids.count == 1000)
        #expect(ids.allSatisfy { $0.hasSuffix("@multinicho.pe") && !$0.contains("<") && $0.count > 30 })
    }

    @Test func boundariesAreFreshPerMessage() {
        let message = Support.message(html: "<p>x</p>")
        #expect(Support.boundaries(Support.wire(message)) != Support.boundaries(Support.wire(message)))
    }
}

/// Helpers shared by the Mail*Tests suites.
enum MailTestSupport {
    /// 21/11/2026 10:00 in Lima (15:00 UTC).
    static let fixedDate = Date(timeIntervalSince1970: 1_795_273_200)

    static func message(
        subject: String = "Tu boleta",
        text: String = "Hola",
        html: String? = nil,
        attachments: [MailAttachment] = [],
        extraHeaders: [(name: String, value: String)] = []
    ) -> MailMessage {
        MailMessage(
            from: MailAddress("ventas@bodega.pe", name: "Bodega Peña"),
            to: [MailAddress("cliente@example.pe")],
            subject: subject, text: text, html: html, attachments: attachments,
            messageID: "abc123@multinicho.pe", date: fixedDate, extraHeaders: extraHeaders
        )
    }

    /// The encoded message as text; it must be ASCII, so a lossy decode would show up.
    static func wire(_ message: MailMessage) -> String {
        String(decoding: message.encoded(), as: UTF8.self)
    }

    /// The encoded message with header folding undone; only for messages whose
    /// body lines never start with a space.
    static func unfolded(_ message: MailMessage) -> String {
        wire(message).replacingOccurrences(of: "\r\n ", with: " ")
    }

    /// Fails unless every line ends in CRLF, is at most 998 octets, and no CR or LF
    /// appears outside a CRLF pair.
    static func expectWireFormat(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(data)
        #expect(bytes.suffix(2) == [13, 10], "message must end in CRLF", sourceLocation: sourceLocation)
        var lineLength = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 13:
                #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "bare CR at \(index)", sourceLocation: sourceLocation)
                #expect(lineLength <= 998, "line of \(lineLength) octets", sourceLocation: sourceLocation)
                lineLength = 0
                index += 2
            case 10:
                Issue.record("bare LF at \(index)", sourceLocation: sourceLocation)
                index += 1
            default:
                lineLength += 1
                index += 1
            }
        }
    }

    /// The header section's fields, unfolded, in order.
    static func headerNames(_ wire: String) -> [String] {
        let head = wire.components(separatedBy: "\r\n\r\n")[0]
        return head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
    }

    /// The boundary parameter of every multipart Content-Type, in order of appearance.
    static func boundaries(_ wire: String) -> [String] {
        wire.components(separatedBy: "boundary=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static func randomData(count: Int, seed: UInt64) -> Data {
        var generator = MailSeededGenerator(seed: seed)
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
