import Foundation

/// One SMTP server to send through, always over TLS: either TLS from the first byte
/// (`smtps://`) or STARTTLS that the server must accept (`smtp://`).
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: Sendable, Equatable {
        /// `smtps://`, port 465 by default.
        case implicitTLS
        /// `smtp://`, port 587 by default. STARTTLS is required (CURLUSESSL_ALL): a server that
        /// does not offer it makes the send fail, so credentials and mail never travel in clear.
        case startTLS
    }

    /// Normalised `smtps://host:465` or `smtp://host:587`, without credentials, safe to log.
    public var url: String
    public var security: Security
    public var username: String?
    public var password: String?
    /// PEM bundle of the CAs to trust instead of the system store (a private relay's CA,
    /// or the tests' self-signed certificate); nil trusts the system store.
    public var caFile: String?
    public var connectTimeout: TimeInterval = 10
    /// Bounds the whole conversation, so that a stalled server cannot hold a sender forever.
    public var timeout: TimeInterval = 60

    /// Parses `smtps://user:pass@host:465` or `smtp://host:587`; user and password are
    /// percent-decoded. Other schemes, a missing host, a bad port, a path, a query or a
    /// fragment are rejected with the reason.
    public init(url: String, caFile: String? = nil) throws(SMTPURLError) {
        let parsed = try ParsedSMTPURL(url)
        self.url = parsed.normalized
        self.security = parsed.security
        self.username = parsed.username
        self.password = parsed.password
        self.caFile = caFile
    }
}

extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible {
    // Settings end up in logs and test failures; the password must not.
    public var description: String {
        let user = username.map { " user \($0)" } ?? ""
        let secret = password == nil ? "" : " password <redacted>"
        return "SMTPSettings(\(url)\(user)\(secret))"
    }

    public var debugDescription: String { description }
}
