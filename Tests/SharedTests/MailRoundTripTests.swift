import Foundation
import Shared
import Testing

@Suite("Mail: compose then parse")
struct MailRoundTripTests {
    typealias Support = MailTestSupport

    func roundTrip(_ message: MailMessage) throws -> ParsedMail {
        let data = message.encoded()
        Support.expectWireFormat(data)
        return try ParsedMail.parse(data)
    }

    @Test(arguments: [
        "Tu boleta de venta",
        "Año nuevo en Peña: ñandú, canción, acción, pingüino 🎉",
        "=?UTF-8?B?not really encoded?=",
        String(repeating: "Oferta especial de cumpleaños 🎂 para María José Ñañez, ", count: 10),
        (1...60).map { "word\($0)" }.joined(separator: " "),
        String(repeating: "x", count: 1500),
        "",
    ])
    func subjectSurvives(subject: String) throws {
        #expect(try roundTrip(Support.message(subject: subject)).subject == subject)
    }

    @Test func addressesAndIdsSurvive() throws {
        var message = Support.message()
        message.to = [MailAddress("a@b.pe", name: "Pérez, Juan"), MailAddress("c@d.pe"), MailAddress("e@f.pe", name: "Doe, John")]
        let parsed = try roundTrip(message)
        #expect(parsed.from == "Bodega Peña <ventas@bodega.pe>")
        #expect(parsed.to == ["Pérez, Juan <a@b.pe>", "c@d.pe", "\"Doe, John\" <e@f.pe>"])
        #expect(parsed.messageID == "abc123@multinicho.pe")
        #expect(parsed.date == "Sat, 21 Nov 2026 10:00:00 -0500")
        #expect(parsed.header("mime-version") == "1.0")
    }

    @Test func textAndHTMLSurvive() throws {
        let text = "Hola María,\n\nTu pedido N° 123 = S/ 45.90 está listo.\t\nLínea con espacio final \n" + String(repeating: "larga ", count: 40) + "\n.\nFin"
        let html = "<p style=\"color:red\">Hola <b>María</b> — ¡gracias! 🎉</p>\n<p>" + String(repeating: "ñ", count: 100) + "</p>"
        let parsed = try roundTrip(Support.message(text: text, html: html))
        #expect(parsed.textBody == text)
        #expect(parsed.htmlBody == html)
        #expect(parsed.attachments.isEmpty)
    }

    @Test func crlfTextComesBackWithLF() throws {
        #expect(try roundTrip(Support.message(text: "a\r\nb\r\n")).textBody == "a\nb\n")
    }

    @Test func attachmentsSurviveByteForByte() throws {
        let files = [
            MailAttachment(filename: "datos.bin", contentType: "application/octet-stream", data: Support.randomData(count: 4099, seed: 42)),
            MailAttachment(filename: "Boletín de pago Nº 7.pdf", contentType: "application/pdf", data: Support.randomData(count: 3000, seed: 9)),
            MailAttachment(filename: "vacío.txt", contentType: "text/plain", data: Data()),
            MailAttachment(filename: "líneas.csv", contentType: "text/csv", data: Data("a;b\nñ;\"x\"\r\n".utf8)),
            MailAttachment(filename: "写真.jpg", contentType: "image/jpeg", data: Support.randomData(count: 1, seed: 3)),
        ]
        for html in [nil, "<p>Adjunto</p>"] {
            let parsed = try roundTrip(Support.message(text: "Adjunto", html: html, attachments: files))
            #expect(parsed.attachments == files)
            #expect(parsed.textBody == "Adjunto")
            #expect(parsed.htmlBody == html)
        }
    }

    @Test func emptyTextSurvives() throws {
        let parsed = try roundTrip(Support.message(text: ""))
        #expect(parsed.textBody == "")
    }
}
