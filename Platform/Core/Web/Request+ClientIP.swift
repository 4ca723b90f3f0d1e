import Vapor

extension Request {
    /// The client's address, read from X-Forwarded-For only when the server is configured to
    /// sit behind a trusted proxy. The last entry is the one our proxy appended; earlier ones
    /// come from the client and could be forged to dodge throttling.
    public var clientIP: String {
        if application.config.trustProxy,
           let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    /// API clients and fetch() callers want JSON errors; browsers want a page.
    var wantsJSON: Bool {
        if url.path.hasPrefix("/api/") || url.path.hasPrefix("/hooks/") { return true }
        if headers.contentType == .json { return true }
        return headers.first(name: .accept)?.contains("application/json") ?? false
    }
}
