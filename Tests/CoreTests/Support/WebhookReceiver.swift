import AsyncHTTPClient
import Foundation
import TestSupport
import NIOCore
import NIOHTTP1
import Testing

/// The real local receiver `tests/support/webhook_receiver.py`, which checks signatures with
/// the independent `standardwebhooks` library. One per test; stopped when the test ends.
final class WebhookReceiver: Sendable {
    struct Request: Decodable {
        let path: String
        let headers: [String: String]
        let body: String
        let received_at: Double
        let verified_by: [Int]
        let signed_by: [Int]
        let verify_error: String?

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
        }
    }

    private let helper: PythonHelper
    var port: Int { helper.port }

    init() throws {
        helper = try PythonHelper("tests/support/webhook_receiver.py")
    }

    func stop() { helper.stop() }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func register(_ name: String, secrets: [String]) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["secrets": secrets])
        _ = try await call(.PUT, "/_secrets/\(name)", body: body)
    }

    func requests(_ name: String) async throws -> [Request] {
        try JSONDecoder().decode([Request].self, from: try await call(.GET, "/_requests/\(name)"))
    }

    /// Polls until `name` has at least `count` requests (deliveries run in the background).
    func waitFor(_ name: String, count: Int, timeout: TimeInterval = 10) async throws -> [Request] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let found = try await requests(name)
            if found.count >= count || Date() > deadline { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private func call(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: url(path))
        request.method = method
        if let body { request.body = .bytes(ByteBuffer(data: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 10 << 20)
        return Data(buffer.readableBytesView)
    }
}
