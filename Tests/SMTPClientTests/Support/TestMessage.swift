import Foundation

/// A small multipart message written by hand, with CRLF line endings as SMTP requires.
/// It carries what a sender can get wrong: an encoded-word subject, UTF-8 text, a line
/// starting with a dot (SMTP dot-stuffing must round-trip) and a binary attachment.
enum TestMessage {
    static let from = "facturas@acme.test"
    static let subject = "Factura F001-123 — señor Pérez"
    static let text = "Hola señor Pérez:\r\n.Esta línea empieza con un punto.\r\nGracias."
    static let attachment = Data((0..<200).map { UInt8($0) })

    static func build(to: [String]) -> Data {
        let lines = [
            "From: Acme <\(from)>",
            "To: \(to.joined(separator: ", "))",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: Fri, 21 Nov 2025 10:00:00 -0500",
            "Message-ID: <test-1@acme.test>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            text,
            "--b1",
            "Content-Type: application/octet-stream",
            "Content-Disposition: attachment; filename=\"datos.bin\"",
            "Content-Transfer-Encoding: base64",
            "",
            attachment.base64EncodedString(options: .lineLength76Characters),
            "--b1--",
            "",
        ]
        return Data(lines.joined(separator: "\r\n").utf8)
    }
}
