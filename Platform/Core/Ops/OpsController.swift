import Fluent
import SQLKit
import Vapor

/// Liveness, readiness and metrics for the load balancer and Prometheus.
enum OpsController {
    struct Status: Content { let status: String }

    @Sendable static func health(req: Request) async throws -> Status {
        Status(status: "ok")
    }

    @Sendable static func ready(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
            try await sql.raw("SELECT 1").run()
            return try await Status(status: "ready").encodeResponse(for: req)
        } catch {
            req.logger.warning("readiness check failed: \(String(reflecting: error))")
            return try await Status(status: "database unavailable").encodeResponse(status: .serviceUnavailable, for: req)
        }
    }

    @Sendable static func metrics(req: Request) async throws -> Response {
        var buffer: [UInt8] = []
        PlatformMetrics.registry.emit(into: &buffer)
        return Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(data: Data(buffer)))
    }
}
