import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// A page as a browser would see it.
struct Page {
    let status: HTTPStatus
    let headers: HTTPHeaders
    let body: String

    var location: String? { headers.first(name: .location) }

    /// The `_csrf` value of the first form on the page.
    var csrf: String? {
        guard let range = body.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = body[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// A cookie-keeping client for the web pages, with its own client IP (the test app trusts
/// X-Forwarded-For), so throttling by IP can be exercised.
final class Browser: Sendable {
    let app: Application
    let ip: String
    private let state = NIOLockedValueBox<(cookie: String?, csrf: String?, language: String?)>((nil, nil, nil))

    init(_ app: Application, ip: String = "10.1.\(Int.random(in: 0...255)).\(Int.random(in: 1...254))") {
        self.app = app
        self.ip = ip
    }

    var cookie: String? { state.withLockedValue { $0.cookie } }
    var csrf: String? { state.withLockedValue { $0.csrf } }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; adds the last seen CSRF token unless the form has its own `_csrf`.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> Page {
        var fields = fields
        if csrf, !fields.contains(where: { $0.0 == "_csrf" }), let token = self.csrf {
            fields.append(("_csrf", token))
        }
        return try await send(.POST, path, body: FormBody.encode(fields))
    }

    /// Posts one file as a browser's multipart form does, with the CSRF token as a field.
    @discardableResult
    func upload(_ path: String, field: String, filename: String, bytes: [UInt8]) async throws -> Page {
        try await multipart(path, files: [UploadFile(field: field, filename: filename, contentType: "text/csv", bytes: bytes)])
    }

    struct UploadFile {
        let field: String
        let filename: String
        let contentType: String
        let bytes: [UInt8]
    }

    /// Posts fields and files as a browser's multipart form does, with the CSRF token.
    @discardableResult
    func multipart(_ path: String, fields: [(String, String)] = [], files: [UploadFile]) async throws -> Page {
        let boundary = "----MultinichoTest\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in (csrf.map { [("_csrf", $0)] } ?? []) + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\n")
            body.writeString("Content-Type: \(file.contentType)\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(.POST, path, body: body, contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Page {
        try await send(method, path, body: body.map { ByteBuffer(string: $0) }, contentType: body == nil ? nil : .urlEncodedForm)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer?, contentType: HTTPMediaType?) async throws -> Page {
        var headers = HTTPHeaders([("X-Forwarded-For", ip)])
        let cookies = [cookie.map { "mn_session=\($0)" }, state.withLockedValue { $0.language }.map { "lang=\($0)" }].compactMap { $0 }
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.joined(separator: "; ")) }
        if let contentType { headers.contentType = contentType }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        let page = Page(status: response.status, headers: response.headers, body: response.body.string)
        remember(page)
        return page
    }

    private func remember(_ page: Page) {
        state.withLockedValue { state in
            for header in page.headers[.setCookie] where header.hasPrefix("mn_session=") {
                let value = header.dropFirst("mn_session=".count).prefix { $0 != ";" }
                state.cookie = (value.isEmpty || header.contains("Max-Age=0") || header.contains("1970")) ? nil : String(value)
            }
            // The language chosen in the top bar (`/lang/en`).
            for header in page.headers[.setCookie] where header.hasPrefix("lang=") {
                state.language = String(header.dropFirst("lang=".count).prefix { $0 != ";" })
            }
            if let token = page.csrf { state.csrf = token }
        }
    }
}

enum FormBody {
    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}
