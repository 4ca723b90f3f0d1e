import SMTPClient
import Testing

@Suite("SMTPSettings(url:)")
struct SMTPSettingsTests {
    @Test("credentials are percent-decoded and left out of the normalised URL")
    func credentials() throws {
        let settings = try SMTPSettings(url: "smtps://mailer%40acme.pe:p%3Ass%2Fw%25rd%20x@smtp.acme.pe:2465")
        #expect(settings.url == "smtps://smtp.acme.pe:2465")
        #expect(settings.security == .implicitTLS)
        #expect(settings.username == "mailer@acme.pe")
        #expect(settings.password == "p:ss/w%rd x")
        #expect(!settings.description.contains("p:ss"))
    }

    @Test("default ports: 465 for smtps, 587 for smtp", arguments: [
        ("smtps://smtp.acme.pe", "smtps://smtp.acme.pe:465"),
        ("smtp://smtp.acme.pe", "smtp://smtp.acme.pe:587"),
        ("SMTP://smtp.acme.pe/", "smtp://smtp.acme.pe:587"),
        ("smtp://[::1]:2525", "smtp://[::1]:2525"),
    ])
    func defaultPorts(url: String, normalized: String) throws {
        let settings = try SMTPSettings(url: url)
        #expect(settings.url == normalized)
        #expect(settings.username == nil && settings.password == nil)
    }

    @Test("smtp:// means STARTTLS, never clear text")
    func startTLS() throws {
        #expect(try SMTPSettings(url: "smtp://u:p@smtp.acme.pe:587").security == .startTLS)
    }

    @Test("the CA file is kept as given")
    func caFile() throws {
        #expect(try SMTPSettings(url: "smtps://smtp.acme.pe", caFile: "/etc/acme/ca.pem").caFile == "/etc/acme/ca.pem")
    }

    @Test("anything else is refused with a reason", arguments: [
        ("http://smtp.acme.pe", "unsupported scheme \"http\""),
        ("smtp://", "no host"),
        ("smtp://:587", "no host"),
        ("smtps://u:p@:465", "no host"),
        ("smtp://smtp.acme.pe:70000", "out of range"),
        ("smtp://smtp.acme.pe:0", "out of range"),
        ("smtp://smtp.acme.pe/relay", "unexpected path"),
        ("smtp://smtp.acme.pe?tls=no", "unexpected query"),
        ("smtp.acme.pe:587", "scheme"),
        ("smtp://:secret@smtp.acme.pe", "password without a user name"),
        ("not a url at all", "no scheme"),
    ])
    func refused(url: String, reason: String) {
        let error = #expect(throws: SMTPURLError.self) { try SMTPSettings(url: url) }
        #expect(error?.reason.contains(reason) == true, "\(url): \(error?.reason ?? "no error")")
        #expect(error?.description.contains("secret") == false)
    }
}
