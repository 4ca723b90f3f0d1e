import Foundation

/// The pieces of an SMTP URL that SMTPSettings keeps, checked one by one so each
/// refusal can say exactly what is wrong.
struct ParsedSMTPURL {
    let security: SMTPSettings.Security
    let normalized: String
    let username: String?
    let password: String?

    init(_ text: String) throws(SMTPURLError) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)) else {
            throw SMTPURLError("not a URL (expected smtps://user:password@host:465 or smtp://host:587)")
        }
        let (security, defaultPort) = try Self.security(components.scheme)
        let host = try Self.host(components)
        let port = try Self.port(components.port, default: defaultPort)
        try Self.rejectExtras(components)
        self.security = security
        self.normalized = "\(security == .implicitTLS ? "smtps" : "smtp")://\(host):\(port)"
        self.username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        self.password = components.password.flatMap { $0.isEmpty ? nil : $0 }
        if password != nil && username == nil {
            throw SMTPURLError("a password without a user name")
        }
    }

    private static func security(_ scheme: String?) throws(SMTPURLError) -> (SMTPSettings.Security, Int) {
        switch scheme?.lowercased() {
        case "smtps": return (.implicitTLS, 465)
        case "smtp": return (.startTLS, 587)
        case nil: throw SMTPURLError("no scheme (use smtps:// or smtp://)")
        case let other?: throw SMTPURLError("unsupported scheme \"\(other)\" (use smtps:// or smtp://)")
        }
    }

    private static func host(_ components: URLComponents) throws(SMTPURLError) -> String {
        guard let host = components.host, !host.isEmpty else {
            throw SMTPURLError("no host")
        }
        // An IPv6 literal must stay bracketed, or its colons would read as a port.
        if host.contains(":") && !host.hasPrefix("[") {
            return "[\(host)]"
        }
        return host
    }

    private static func port(_ port: Int?, default defaultPort: Int) throws(SMTPURLError) -> Int {
        guard let port else { return defaultPort }
        guard (1...65535).contains(port) else {
            throw SMTPURLError("port \(port) is out of range 1-65535")
        }
        return port
    }

    // curl would read a path as the EHLO name and ignore the rest: refuse rather than guess.
    private static func rejectExtras(_ components: URLComponents) throws(SMTPURLError) {
        if !components.percentEncodedPath.isEmpty && components.percentEncodedPath != "/" {
            throw SMTPURLError("unexpected path \"\(components.percentEncodedPath)\"")
        }
        if components.query != nil {
            throw SMTPURLError("unexpected query")
        }
        if components.fragment != nil {
            throw SMTPURLError("unexpected fragment")
        }
    }
}
