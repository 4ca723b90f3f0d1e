import Vapor

extension Request {
    /// The CSRF token of this browser session, created on first use (which also starts the session).
    public var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = RandomToken.make()
        session.data["csrf"] = token
        return token
    }
}

/// Rejects every state-changing browser request whose `_csrf` form field (or X-CSRF-Token
/// header) does not match the session's token. Exempt are the JSON API (it authenticates with
/// API keys, not cookies, and accepts only `application/json`, which a cross-site form cannot
/// send), provider callbacks under `/hooks/` (signed by the provider) and the unsubscribe
/// links under `/n/` (the signed token in the URL is the authority; mail clients POST to them
/// with no session, per RFC 8058).
struct CSRFMiddleware: AsyncMiddleware {
    struct FormToken: Decodable { let _csrf: String? }

    static let exemptPrefixes = ["/api/", "/hooks/", "/n/"]
    /// The largest form body a page accepts (an upload: a certificate, a QR image, a CSV).
    static let maxFormBytes = 4 << 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), !Self.exemptPrefixes.contains(where: path.hasPrefix) else {
            return try await next.respond(to: request)
        }
        var sent = request.headers.first(name: "X-CSRF-Token")
        if sent == nil {
            // A browser may send a form's body after its headers, so it is still streaming when
            // it gets here (uploads especially): read it whole first, or the token looks missing.
            if request.body.data == nil { _ = try await request.body.collect(max: Self.maxFormBytes).get() }
            sent = (try? request.content.decode(FormToken.self))?._csrf
        }
        guard request.hasSession, let expected = request.session.data["csrf"], let sent,
              RandomToken.constantTimeEquals(sent, expected) else {
            throw Abort(.forbidden, reason: request.t("error.csrf"))
        }
        return try await next.respond(to: request)
    }
}
