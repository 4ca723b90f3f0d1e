import Core
import Logging
import Notifications
import Vapor
import Webhooks

// multinicho-probe: the platform with only the probe module, for the queue's multi-process
// test (`migrate`, `enqueue`, `worker`) and the benchmarks (`bench-queue`, `bench-webhooks`).
// Configured by the same environment variables as the server (DATABASE_URL, ...).
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .error
    return handler
}
let app = try await Application.make(.detect())
do {
    let environment = ProcessInfo.processInfo.environment
    let config = try AppConfig.fromEnvironment(environment)
    try await configure(app, config: config, modules: [ProbeModule()])
    // Registered as in the server, so that every job kind the probe may meet has its handler.
    Notifications.register(on: app, settings: try .fromEnvironment(environment, config: config))
    Webhooks.register(on: app)
    PlatformCommands.register(on: app)
    app.asyncCommands.use(EnqueueCommand(), as: "enqueue")
    app.asyncCommands.use(QueueBenchCommand(), as: "bench-queue")
    app.asyncCommands.use(WebhookBenchCommand(), as: "bench-webhooks")
    try await app.execute()
} catch {
    try? await app.asyncShutdown()
    throw error
}
try await app.asyncShutdown()
