import AsyncHTTPClient
import Foundation
import Messaging
import NIOCore
import NIOHTTP1
import TestSupport

/// The fake Meta Graph + Twilio server `tests/support/fake_providers.py`, one per test.
/// Stopped by `stop()`, by deinit, or by the closing stdin pipe if the test process dies.
final class FakeProviders: Sendable {
    static let whatsAppToken = "EAAGtest-system-user-token"
    static let phoneNumberID = "106540352242922"
    static let twilioSID = "AC" + String(repeating: "0123456789abcdef", count: 2)
    static let twilioToken = "twilio-auth-token-42"

    struct Recorded: Decodable {
        let method: String
        let path: String
        let headers: [String: String]
        let body: String
        let status: Int?

        var json: JSON? { try? JSONDecoder().decode(JSON.self, from: Data(body.utf8)) }
        var form: [String: String] { Form.decode(body) }
    }

    /// A callback body and its signature, both computed by the Python side.
    struct Signed: Decodable {
        let body: String
        let signature: String
    }

    private let helper: PythonHelper
    var port: Int { helper.port }

    /// `slowSeconds`: how long the fake makes recipient 51900000999 wait.
    init(slowSeconds: Double = 5) throws {
        helper = try PythonHelper("tests/support/fake_providers.py", [
            "--whatsapp-token", Self.whatsAppToken, "--whatsapp-phone-id", Self.phoneNumberID,
            "--twilio-sid", Self.twilioSID, "--twilio-token", Self.twilioToken, "--slow-seconds", String(slowSeconds),
        ])
    }

    func stop() { helper.stop() }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func whatsApp(timeout: TimeInterval = 60, token: String = whatsAppToken,
                  phoneNumberID: String = phoneNumberID) -> WhatsAppCloudClient {
        let configuration = WhatsAppCloudClient.Configuration(
            apiBaseURL: baseURL + "/v21.0", phoneNumberID: phoneNumberID, accessToken: token, timeout: timeout)
        return WhatsAppCloudClient(configuration: configuration, httpClient: .shared)
    }

    func twilio(from: String? = "+15005550006", messagingServiceSID: String? = nil,
                token: String = twilioToken) -> TwilioClient {
        let configuration = TwilioClient.Configuration(
            apiBaseURL: baseURL, accountSID: Self.twilioSID, authToken: token, from: from,
            messagingServiceSID: messagingServiceSID, timeout: 60)
        return TwilioClient(configuration: configuration, httpClient: .shared)
    }

    func requests() async throws -> [Recorded] {
        try JSONDecoder().decode([Recorded].self, from: try await call(.GET, "/_requests"))
    }

    /// What Meta would POST for this status (and inbound message), signed with `appSecret`.
    func whatsAppStatus(_ request: [String: Any]) async throws -> Signed {
        let body = try JSONSerialization.data(withJSONObject: request)
        return try JSONDecoder().decode(Signed.self, from: try await call(.POST, "/_whatsapp/status", body: body))
    }

    /// What Twilio would POST to `url` with `params`, signed with `authToken`.
    func twilioStatus(url: String, authToken: String, params: [String: String]) async throws -> Signed {
        let request: [String: Any] = ["url": url, "auth_token": authToken, "params": params]
        let body = try JSONSerialization.data(withJSONObject: request)
        return try JSONDecoder().decode(Signed.self, from: try await call(.POST, "/_twilio/status", body: body))
    }

    private func call(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 10 << 20)
        guard response.status == .ok else {
            throw FakeError(message: "\(method) \(path): \(response.status) \(String(buffer: buffer))")
        }
        return Data(buffer.readableBytesView)
    }

    struct FakeError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
