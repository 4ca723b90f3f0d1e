import AsyncHTTPClient
import Foundation
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

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let port: Int
    private let process: Process
    private let stdin: Pipe

    init() throws {
        let python = Self.root.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ReceiverError(message: "\(python) is missing: run scripts/install-deps.sh test")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.root.appendingPathComponent("tests/support/webhook_receiver.py").path]
        let stdout = Pipe()
        stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ReceiverError(message: "receiver exited before READY") }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(separator: " ").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            throw ReceiverError(message: "unexpected first line: \(text)")
        }
        self.port = port
    }

    deinit { stop() }

    func stop() {
        if process.isRunning { process.terminate() }
    }

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
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        let buffer = try await response.body.collect(upTo: 10 << 20)
        return Data(buffer.readableBytesView)
    }

    struct ReceiverError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
