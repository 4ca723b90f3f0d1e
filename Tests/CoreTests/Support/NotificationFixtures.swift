import AsyncHTTPClient
@testable import Core
import Fluent
import Foundation
import TestSupport
import NIOCore
@testable import Notifications
import Testing
import Vapor

/// Runs every due job (the notification deliveries among them), as a worker would.
func runJobs(_ app: Application) async throws {
    _ = try await JobWorker(application: app).runDue()
}

/// Sends the notes module's reminder through the app's notifier, in a transaction, as a module would.
@discardableResult
func sendReminder(
    _ app: Application, _ business: Business?, to recipient: NotificationRecipient, channel: NotificationChannel? = nil,
    title: String = "Comprar pan", link: String = "https://files.multinicho.pe/F001-123.pdf",
    language: Language = .es, attachments: [NotificationAttachment] = []
) async throws -> NotificationMessage {
    let request = NotificationRequest(
        template: NotesModule.reminder.id, to: recipient, channel: channel,
        parameters: ["name": recipient.name, "title": title, "link": link], language: language,
        tenantID: business?.id, attachments: attachments)
    let id = try await app.db.transaction { tx in try await app.notifier.send(request, on: tx) }
    return try #require(try await NotificationMessage.find(id, on: app.db))
}

func message(_ app: Application, _ id: UUID?) async throws -> NotificationMessage {
    try #require(try await NotificationMessage.find(id, on: app.db))
}

/// The real local SMTP server `tests/support/smtp_sink.py` (aiosmtpd), with STARTTLS on a
/// self-signed certificate and AUTH. Each message it accepts is parsed by Python's own
/// `email` package into a JSON summary, independent of our MIME code.
final class SMTPSink: Sendable {
    struct Received: Decodable {
        struct Attachment: Decodable {
            let filename: String?; let content_type: String; let size: Int; let sha256: String; let base64: String?
            var data: Data? { base64.flatMap { Data(base64Encoded: $0) } }
        }
        let envelope_from: String
        let envelope_to: [String]
        let subject: String
        let from: String
        let to: String
        let date: String?
        let message_id: String?
        let content_type: String
        let parts: [String]
        let text: String?
        let html: String?
        let attachments: [Attachment]
        let defects: [String]
        let headers: [String: String]?
    }

    let directory: URL
    let certificate: String
    private let helper: PythonHelper
    var port: Int { helper.port }

    static let user = "mailer"
    static let password = "s3cret-pass"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        let mail = directory.appendingPathComponent("mail").path
        helper = try PythonHelper("tests/support/smtp_sink.py", [
            "--dir", mail, "--starttls", certificate, key, "--auth", "\(Self.user):\(Self.password)", "--reject-prefix",
        ])
    }

    deinit {
        helper.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// `SMTP_URL` for this sink: STARTTLS (required) with credentials.
    var url: String { "smtp://\(Self.user):\(Self.password)@127.0.0.1:\(port)" }

    /// What the sink has written, waiting up to `seconds` for `count` messages: the sink writes
    /// each file as it accepts the message, which can land just after our send returns.
    func received(atLeast count: Int, within seconds: Double = 5) async throws -> [Received] {
        let deadline = Date().addingTimeInterval(seconds)
        var mails = try received()
        while mails.count < count, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            mails = try received()
        }
        return mails
    }

    /// Runs the app's jobs until this sink holds `count` mails, for at most `seconds`. A
    /// delivery that failed (a slow machine timing out) is made due again at once instead of
    /// after its back-off; what it failed with is in `errors` when the mail never comes.
    func deliver(_ app: Application, atLeast count: Int, within seconds: Double = 30) async throws -> (mails: [Received], errors: [String]) {
        let deadline = Date().addingTimeInterval(seconds)
        var errors: [String] = []
        while true {
            try await runJobs(app)
            let mails = try await received(atLeast: count, within: 0.5)
            if mails.count >= count || Date() > deadline { return (mails, errors) }
            let failed = try await JobRecord.query(on: app.db).filter(\.$state == .failed).all()
            errors += failed.compactMap { $0.lastError.map { "\($0)" } }
            for job in failed {
                job.runAt = app.clock.now()
                try await job.save(on: app.db)
            }
        }
    }

    func received() throws -> [Received] {
        let mail = directory.appendingPathComponent("mail")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: mail.path)) ?? []
        // The sink numbers its files 1, 2, ...: sort by number, not by name.
        let numbered = files.filter { $0.hasSuffix(".json") }.sorted { (Int($0.dropLast(5)) ?? 0) < (Int($1.dropLast(5)) ?? 0) }
        return try numbered.map {
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: mail.appendingPathComponent($0)))
        }
    }
}

/// `tests/support/fake_providers.py`: Meta's Graph API and Twilio's Messages API, checking
/// request shapes as documented, answering as documented, and signing status callbacks.
final class FakeProviders: Sendable {
    struct Recorded: Decodable {
        let method: String
        let path: String
        let headers: [String: String]
        let body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:] }
    }

    struct Signed: Decodable { let body: String; let signature: String }

    static let whatsAppToken = "EAAG-test-token"
    static let phoneNumberID = "109876543210"
    static let appSecret = "meta-app-secret"
    static let twilioSID = "AC0123456789abcdef0123456789abcdef"
    static let twilioToken = "twilio-auth-token-123"

    private let helper: PythonHelper
    var port: Int { helper.port }

    init() throws {
        helper = try PythonHelper("tests/support/fake_providers.py", [
            "--whatsapp-token", Self.whatsAppToken, "--whatsapp-phone-id", Self.phoneNumberID,
            "--twilio-sid", Self.twilioSID, "--twilio-token", Self.twilioToken,
        ])
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Points the app's WhatsApp and SMS channels at this fake.
    func configure(_ settings: inout NotificationSettings) {
        settings.whatsApp = .init(phoneNumberID: Self.phoneNumberID, accessToken: Self.whatsAppToken)
        settings.whatsApp?.apiBaseURL = "\(base)/v21.0"
        settings.whatsAppAppSecret = Self.appSecret
        settings.whatsAppVerifyToken = "verify-me"
        settings.twilio = .init(accountSID: Self.twilioSID, authToken: Self.twilioToken, from: "+15005550006", messagingServiceSID: nil)
        settings.twilio?.apiBaseURL = base
        settings.providerTimeout = 30  // generous: no test here times a provider out, and CI machines stall
    }

    func requests() async throws -> [Recorded] {
        try JSONDecoder().decode([Recorded].self, from: try await call(.GET, "/_requests"))
    }

    /// A WhatsApp status webhook as Meta would POST it, signed with the app secret by Python.
    func whatsAppStatus(_ messageID: String, _ status: String, secret: String = FakeProviders.appSecret,
                        errors: [[String: Any]]? = nil, inboundFrom: String? = nil, at timestamp: Date? = nil) async throws -> Signed {
        var body: [String: Any] = ["message_id": messageID, "status": status, "recipient_id": "51987654321", "app_secret": secret]
        if let timestamp { body["timestamp"] = Int(timestamp.timeIntervalSince1970) }
        if let errors { body["errors"] = errors }
        if let inboundFrom { body["inbound_from"] = inboundFrom }
        return try JSONDecoder().decode(Signed.self, from: try await call(.POST, "/_whatsapp/status", json: body))
    }

    /// A Twilio status callback for `url`, signed with the auth token by Python.
    func twilioStatus(url: String, _ params: [String: String], token: String = FakeProviders.twilioToken) async throws -> Signed {
        let body: [String: Any] = ["url": url, "auth_token": token, "params": params]
        return try JSONDecoder().decode(Signed.self, from: try await call(.POST, "/_twilio/status", json: body))
    }

    private func call(_ method: HTTPMethod, _ path: String, json: [String: Any]? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        return Data(try await response.body.collect(upTo: 10 << 20).readableBytesView)
    }
}
