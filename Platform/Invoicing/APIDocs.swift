import Core
import Foundation
import Vapor

/// `/api/openapi.json` (the OpenAPI 3.1 document of the public API, with this server's URL)
/// and `/api/docs`, the page that renders it for people (Public/api-docs).
enum APIDocs {
    static func routes(_ app: Application) {
        app.get("api", "openapi.json", use: document)
        app.get("api", "docs", use: page)
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let path = req.application.directory.resourcesDirectory + "OpenAPI/openapi.json"
        guard let data = FileManager.default.contents(atPath: path),
              var spec = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Abort(.internalServerError, reason: "Resources/OpenAPI/openapi.json is missing or not JSON")
        }
        spec["servers"] = [["url": "\(req.application.config.baseURL)/api/v1"]]
        let body = try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: body))
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let path = req.application.directory.publicDirectory + "api-docs/index.html"
        guard let html = FileManager.default.contents(atPath: path) else { throw Abort(.notFound) }
        return Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(data: html))
    }
}
