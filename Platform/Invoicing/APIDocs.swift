import Core
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// `/api/openapi.json` (the OpenAPI 3.1 document of the public API, with this server's URL)
/// and `/api/docs`, the page that renders it for people (Public/api-docs).
enum APIDocs {
    static func routes(_ app: Application) {
        app.get("api", "openapi.json", use: document)
        app.get("api", "docs", use: page)
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let body = try req.application.openAPIDocument.withLockedValue { cached in
            if let cached { return cached }
            let built = try build(req.application)
            cached = built
            return built
        }
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: body))
    }

    /// The document with this server's URL, built on first request and kept: the file is part of
    /// the release, so it does not change while the process runs.
    private static func build(_ app: Application) throws -> Data {
        let path = app.directory.resourcesDirectory + "OpenAPI/openapi.json"
        guard let data = FileManager.default.contents(atPath: path),
              var spec = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Abort(.internalServerError, reason: "Resources/OpenAPI/openapi.json is missing or not JSON")
        }
        spec["servers"] = [["url": "\(app.config.baseURL)/api/v1"]]
        return try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let path = req.application.directory.publicDirectory + "api-docs/index.html"
        guard let html = FileManager.default.contents(atPath: path) else { throw Abort(.notFound) }
        return Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(data: html))
    }
}

extension Application {
    private struct OpenAPIKey: StorageKey { typealias Value = NIOLockedValueBox<Data?> }

    /// Set up by `Invoicing.register`, filled by the first `GET /api/openapi.json`.
    var openAPIDocument: NIOLockedValueBox<Data?> {
        get { storage[OpenAPIKey.self] ?? NIOLockedValueBox(nil) }
        set { storage[OpenAPIKey.self] = newValue }
    }
}
