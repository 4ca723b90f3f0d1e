import Foundation
import Shared
import Testing

@Suite("Mail: parser")
struct MailParserTests {
    /// Written by hand the way Thunderbird and Outlook write mail: a preamble, a
    /// folded Received field, mixed charsets, base64 and QP, RFC 2231
    /// continuations and an encoded-word inside a quoted name.
    static let fixture = """
        Return-Path: <jose@example.com>
        Received: from mail.example.com (mail.example.com [192.0.2.1])
        \tby mx.multinicho.pe with ESMTPS id 123
        \tfor <ventas@bodega.pe>; Fri, 20 Nov 2026 09:15:00 -0500
        From: =?ISO-8859-1?Q?Jos=E9_P=E9rez?= <jose@example.com>
        To: "Ventas, Bodega" <ventas@bodega.pe>,
         =?UTF-8?B?TWFyw61h?= <maria@bodega.pe>
        Subject: =?ISO-8859-1?Q?Cotizaci=F3n_para_?=
         =?UTF-8?B?UGXDsWE=?= pendiente
        Date: Fri, 20 Nov 2026 09:14:59 -0500
        Message-ID: <20261120.abc@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed;
         boundary="------------MIXED123"

        This is a multi-part message in MIME format.
        --------------MIXED123
        Content-Type: multipart/alternative;
         boundary="------------ALT456"

        --------------ALT456
        Content-Type: text/plain; charset=ISO-8859-1; format=flowed
        Content-Transfer-Encoding: quoted-printable

        Buenos d=EDas,

        Adjunto la cotizaci=F3n. Precio: 100 =3D S/ 118 con IGV, un texto bastante=
         largo que se parti=F3.

        Jos=E9
        --------------ALT456
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: BASE64

        PGh0bWw+PGJvZHk+PHA+QnVlbm9zIGTDrWFzLDwvcD48cD5BZGp1bnRvIGxhIGNvdGl6YWNpw7Nu
        LjwvcD48cD5TYWx1ZG9zIGNvcmRpYWxlcywgSm9zw6k8L3A+PC9ib2R5PjwvaHRtbD4=
        --------------ALT456--

        --------------MIXED123
        Content-Type: application/pdf
        Content-Disposition: attachment;
         filename*=UTF-8''cotizaci%C3%B3n%20final.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcOkw7zDtsOf
        --------------MIXED123
        Content-Type: image/png;
         name="logo.png"
        Content-Transfer-Encoding: base64
        Content-ID: <logo@example.com>

        iVBORw0KGgo=
        --------------MIXED123
        Content-Type: text/plain; charset=us-ascii
        Content-Disposition: attachment;
         filename*0*=ISO-8859-1''notas%20de;
         filename*1="l cliente ";
         filename*2*=%F1.txt
        Content-Transfer-Encoding: 7bit

        nota 1
        --------------MIXED123
        Content-Type: application/vnd.ms-excel;
         name="=?UTF-8?B?SW5mb3JtZSBhw7FvLnhsc3g=?="
        Content-Disposition: attachment

        x
        --------------MIXED123--

        epilogue
        """

    @Test(arguments: ["\n", "\r\n"])
    func readsAMessageFromAnotherMailer(lineBreak: String) throws {
        let mail = try ParsedMail.parse(Data(Self.fixture.replacingOccurrences(of: "\n", with: lineBreak).utf8))
        #expect(mail.subject == "Cotización para Peña pendiente")
        #expect(mail.from == "José Pérez <jose@example.com>")
        #expect(mail.to == ["\"Ventas, Bodega\" <ventas@bodega.pe>", "María <maria@bodega.pe>"])
        #expect(mail.date == "Fri, 20 Nov 2026 09:14:59 -0500")
        #expect(mail.messageID == "20261120.abc@example.com")
        #expect(mail.header("RECEIVED")?.hasSuffix("[192.0.2.1])\tby mx.multinicho.pe with ESMTPS id 123\tfor <ventas@bodega.pe>; Fri, 20 Nov 2026 09:15:00 -0500") == true)
        #expect(mail.header("subject") == "=?ISO-8859-1?Q?Cotizaci=F3n_para_?= =?UTF-8?B?UGXDsWE=?= pendiente")
        #expect(mail.headers.map(\.name).prefix(3) == ["Return-Path", "Received", "From"])
        #expect(mail.textBody == "Buenos días,\n\nAdjunto la cotización. Precio: 100 = S/ 118 con IGV, un texto bastante largo que se partió.\n\nJosé")
        #expect(mail.htmlBody == "<html><body><p>Buenos días,</p><p>Adjunto la cotización.</p><p>Saludos cordiales, José</p></body></html>")
        #expect(mail.attachments == [
            MailAttachment(filename: "cotización final.pdf", contentType: "application/pdf", data: Data("%PDF-1.4\n%äüöß".utf8)),
            MailAttachment(filename: "logo.png", contentType: "image/png", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
            MailAttachment(filename: "notas del cliente ñ.txt", contentType: "text/plain", data: Data("nota 1".utf8)),
            MailAttachment(filename: "Informe año.xlsx", contentType: "application/vnd.ms-excel", data: Data("x".utf8)),
        ])
    }

    @Test func singlePartDefaultsToPlainText() throws {
        let mail = try ParsedMail.parse(Data("From: a@b.pe\nSubject: hola\n\nLínea 1\nLínea 2\n".utf8))
        #expect(mail.textBody == "Línea 1\nLínea 2")
        #expect(mail.htmlBody == nil)
        #expect(mail.to.isEmpty && mail.date == nil && mail.messageID == nil)
    }

    @Test(arguments: [
        ("Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit", [0x50, 0x65, 0xF1, 0x61] as [UInt8]),
        ("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit", Array("Peña".utf8)),
        ("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64", Array("UGXD\r\nsWE".utf8)),
        ("Content-Type: text/plain; charset=windows-1252", [0x50, 0x65, 0xF1, 0x61]),
        ("Content-Type: text/plain; charset=utf-8", [0x50, 0x65, 0xF1, 0x61]),  // mislabelled Latin-1
        ("Content-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: quoted-printable", Array("Pe=C3=B1a".utf8)),
    ])
    func decodesCharsetsAndEncodings(headers: String, body: [UInt8]) throws {
        let mail = try ParsedMail.parse(Data("Subject: x\r\n\(headers)\r\n\r\n".utf8) + Data(body))
        #expect(mail.textBody == "Peña")
    }

    @Test func headerLookupIsCaseInsensitiveAndReturnsTheFirst() throws {
        let mail = try ParsedMail.parse(Data("X-Tag: uno\r\nx-tag: dos\r\nSubject : viejo estilo\r\n\r\n".utf8))
        #expect(mail.header("x-TAG") == "uno")
        #expect(mail.headers.count == 3)
        #expect(mail.subject == "viejo estilo")
        #expect(mail.header("missing") == nil)
    }

    @Test func skipsAnMboxFromLine() throws {
        let mail = try ParsedMail.parse(Data("From jose@example.com Fri Nov 20 09:15:00 2026\nSubject: hola\n\ncuerpo".utf8))
        #expect(mail.subject == "hola")
        #expect(mail.textBody == "cuerpo")
    }

    @Test func truncatedMultipartKeepsWhatArrived() throws {
        let raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhola\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0"
        let mail = try ParsedMail.parse(Data(raw.utf8))
        #expect(mail.textBody == "hola")
        #expect(mail.attachments == [MailAttachment(filename: "attachment", contentType: "application/pdf", data: Data("%PDF-".utf8))])
    }

    @Test func boundaryPrefixOfAnotherIsNotConfused() throws {
        let raw = """
            Content-Type: multipart/mixed; boundary=abc

            --abc
            Content-Type: multipart/alternative; boundary=abc1

            --abc1
            Content-Type: text/plain

            texto
            --abc1
            Content-Type: text/html

            <p>html</p>
            --abc1--
            --abc--
            """
        let mail = try ParsedMail.parse(Data(raw.utf8))
        #expect(mail.textBody == "texto")
        #expect(mail.htmlBody == "<p>html</p>")
        #expect(mail.attachments.isEmpty)
    }

    @Test func emptyInputIsRejected() {
        #expect(throws: MailParseError.empty) { try ParsedMail.parse(Data()) }
        #expect(throws: MailParseError.empty) { try ParsedMail.parse(Data(" \r\n\n\t".utf8)) }
    }

    @Test(arguments: [
        Data("Hola, esto no es un correo\nni tiene encabezados".utf8),
        Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x3A, 0x0D]),
        Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x3A]),
        Data("\n\nSubject: after a blank line".utf8),
        Data(": no name".utf8),
    ])
    func garbageIsRejected(data: Data) {
        #expect(throws: MailParseError.noHeaders) { try ParsedMail.parse(data) }
    }

    @Test func errorsExplainThemselves() {
        #expect(MailParseError.noHeaders.message == "El archivo no es un correo: no empieza con encabezados")
        #expect(MailParseError.empty.messageEn == "The mail file is empty")
    }

    @Test func everyPrefixOfAMessageParsesWithoutTrapping() throws {
        let data = Data(Self.fixture.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let headerEnd = try #require(data.range(of: Data("\r\n\r\n".utf8))).upperBound
        for length in 1...data.count {
            let mail = try? ParsedMail.parse(data.prefix(length))
            if length >= headerEnd {
                #expect(mail?.subject == "Cotización para Peña pendiente")
            }
        }
    }

    @Test func corruptedMessagesParseWithoutTrapping() {
        var generator = MailSeededGenerator(seed: 2026)
        let original = Array(Self.fixture.utf8)
        let interesting: [UInt8] = Array("=?-\r\n\";:*'%\\".utf8) + [0x00, 0xFF, 0xC3]
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...20, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? ParsedMail.parse(Data(bytes))
        }
    }

    @Test func deeplyNestedMultipartsStopAtALimit() throws {
        var raw = "Subject: nido\r\n"
        for level in 0..<200 { raw += "Content-Type: multipart/mixed; boundary=b\(level)\r\n\r\n--b\(level)\r\n" }
        raw += "Content-Type: text/plain\r\n\r\nfondo\r\n"
        let mail = try ParsedMail.parse(Data(raw.utf8))
        #expect(mail.subject == "nido")
        #expect(mail.textBody == nil)
    }
}
