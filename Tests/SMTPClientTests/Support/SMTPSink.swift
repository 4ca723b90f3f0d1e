import Foundation
import TestSupport

/// The real local SMTP server `tests/support/smtp_sink.py` (aiosmtpd). Each message it
/// accepts is kept byte for byte and summarised by Python's own `email` package.
/// One per test; `stop()` it when the test ends (deinit does too).
final class SMTPSink: Sendable {
    enum Security: Sendable {
        case none, startTLS, implicitTLS
    }

    struct Received: Decodable, Sendable {
        struct Attachment: Decodable, Sendable {
            let filename: String?
            let contentType: String
            let size: Int
            let sha256: String
        }

        let envelopeFrom: String
        let envelopeTo: [String]
        let tls: Bool
        let subject: String?
        let from: String?
        let to: String?
        let contentType: String
        let isMultipart: Bool
        let parts: [String]
        let text: String?
        let attachments: [Attachment]
        let defects: [String]
        let rawSha256: String
    }

    struct AuthAttempt: Decodable, Sendable {
        let mechanism: String
        let login: String?
        let success: Bool
        let tls: Bool
    }

    static let user = "mailer@acme.test"
    static let password = "s3cret:pass/word"

    let directory: URL
    private let helper: PythonHelper
    var port: Int { helper.port }

    init(_ security: Security, auth: Bool = false, rejectPrefix: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        var arguments = ["--dir", directory.path]
        switch security {
        case .none: arguments.append("--no-starttls")
        case .startTLS: arguments += try ["--starttls"] + Self.certificateArguments()
        case .implicitTLS: arguments += try ["--implicit-tls"] + Self.certificateArguments()
        }
        if auth { arguments += ["--auth", "\(Self.user):\(Self.password)"] }
        if rejectPrefix { arguments.append("--reject-prefix") }
        helper = try PythonHelper("tests/support/smtp_sink.py", arguments)
    }

    private static func certificateArguments() throws -> [String] {
        let certificate = try TestCertificate.get()
        return [certificate.certificate, certificate.key]
    }

    func stop() {
        helper.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The accepted messages, in arrival order.
    func received() throws -> [Received] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try messageNumbers().map {
            try decoder.decode(Received.self, from: Data(contentsOf: file("\($0).json")))
        }
    }

    /// The bytes of accepted message `number` (1-based) as the server received them.
    func raw(_ number: Int) throws -> Data {
        try Data(contentsOf: file("\(number).eml"))
    }

    func authAttempts() throws -> [AuthAttempt] {
        guard let text = try? String(contentsOf: file("auth.jsonl"), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(AuthAttempt.self, from: Data($0.utf8)) }
    }

    private func messageNumbers() -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { $0.hasSuffix(".json") ? Int($0.dropLast(".json".count)) : nil }.sorted()
    }

    private func file(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }
}
