import AsyncHTTPClient
import Foundation
import NIOCore
import Vapor

/// Sends every body as its own POST at once to the app's real HTTP server (started here on a
/// free port, stopped after), the way many tills or clients would; returns each status and
/// JSON body, in completion order.
func concurrentPOST(_ app: Application, _ path: String, key: String, bodies: [String]) async throws -> [(status: UInt, json: [String: Any])] {
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "the server has no port") }
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(10), read: .seconds(60))))
    let results = await withTaskGroup(of: (UInt, Data).self) { group in
        for body in bodies {
            group.addTask {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(key)")
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(string: body))
                guard let response = try? await client.execute(request, timeout: .seconds(60)) else { return (0, Data()) }
                let data = (try? await response.body.collect(upTo: 1 << 20)).map { Data(buffer: $0) } ?? Data()
                return (response.status.code, data)
            }
        }
        var all: [(UInt, Data)] = []
        for await result in group { all.append(result) }
        return all
    }
    try await client.shutdown()
    await app.server.shutdown()
    return results.map { status, data in (status, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]) }
}
