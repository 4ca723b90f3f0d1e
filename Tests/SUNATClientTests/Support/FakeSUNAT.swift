import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SUNATClient
import TestSupport

/// The fake SUNAT `tests/support/fake_sunat.py`, one per test. Stopped by `stop()`, by deinit,
/// or by the closing stdin pipe if the test process dies.
final class FakeSUNAT: Sendable {
    static let ruc = "20000000001"
    static let user = "MODDATOS"
    static let password = "moddatos"

    struct Recorded: Decodable {
        let method: String
        let path: String
        let headers: [String: String]
        let body: String
        let operation: String?
        let status: Int?
        let document: Document?
    }

    /// The zip entry as Python's zipfile read it.
    struct Document: Decodable {
        let entry: String
        let size: Int
        let sha256: String
        let compressed: Bool
        let base64: String
    }

    private let helper: PythonHelper
    /// The RUC whose SOL user the fake accepts.
    let ruc: String
    var baseURL: String { "http://127.0.0.1:\(helper.port)" }

    init(ruc: String = ruc, password: String = password, slowSeconds: Double = 3) throws {
        self.ruc = ruc
        helper = try PythonHelper("tests/support/fake_sunat.py", [
            "--ruc", ruc, "--user", Self.user, "--password", password,
            "--slow-seconds", String(slowSeconds),
        ])
    }

    func stop() { helper.stop() }

    var endpoints: SUNATEndpoints {
        SUNATEndpoints(
            bill: baseURL + "/ol-ti-itcpfegem-beta/billService",
            consult: baseURL + "/ol-it-wsconscpegem-beta/billConsultService")
    }

    func client(user: String = user, password: String = password, timeout: TimeInterval = 60) -> SUNATClient {
        SUNATClient(
            endpoints: endpoints, credentials: SOLCredentials(ruc: ruc, user: user, password: password),
            httpClient: .shared, timeout: timeout)
    }

    func requests() async throws -> [Recorded] {
        var request = HTTPClientRequest(url: baseURL + "/_requests")
        request.method = .GET
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 32 << 20)
        return try JSONDecoder().decode([Recorded].self, from: Data(buffer.readableBytesView))
    }
}

