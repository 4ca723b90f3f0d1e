import Billing
@testable import Core
import Fluent
import Logging
import Notifications
import Onboarding
import Invoicing
import Payments
import Reports
import SQLKit
import Vapor
import VaporTesting
import Webhooks

/// Builds the same app as the server (plus the test-only notes module) on a clean database:
/// in-memory SQLite by default, or the PostgreSQL named by DATABASE_URL, wiped first.
func withTestApp(
    mode: AppConfig.Mode = .development,
    modules: [any NicheModule] = [NotesModule()],
    webhookTimeout: TimeInterval = 10,
    notifications: (inout NotificationSettings) -> Void = { _ in },
    paymentEnvironment: [String: String] = [:],
    sunat: InvoicingSUNAT = InvoicingSUNAT(),
    _ body: (Application) async throws -> Void
) async throws {
    TestLogging.bootstrapOnce()
    let app = try await Application.make(.testing)
    let maildir = TestMaildir.fresh()
    defer { try? FileManager.default.removeItem(atPath: maildir) }
    do {
        let config = AppConfig(
            mode: mode, database: try TestDatabase.kind(), baseURL: "http://localhost:8080",
            secretKey: "test-secret-key-0123456789abcdef0123456789", bcryptCost: 4, trustProxy: true, workerConcurrency: 0)
        try await configure(app, config: config, modules: modules)
        var settings = NotificationSettings(mailDirectory: maildir)
        notifications(&settings)
        Notifications.register(on: app, settings: settings)
        var webhooks = Webhooks.Settings()
        webhooks.timeout = webhookTimeout
        Webhooks.register(on: app, settings: webhooks)
        Payments.register(on: app, gateways: Payments.defaultGateways(app, environment: paymentEnvironment))
        Invoicing.register(on: app, sunat: sunat)
        Billing.register(on: app)
        Reports.register(on: app)
        OnboardingWizard.register(on: app)
        try await TestDatabase.reset(app)
        try await app.autoMigrate()
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

enum TestMaildir {
    /// A maildir of the test's own, so tests never write into the repository's ./data.
    static func fresh() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("multinicho-mail-\(UUID().uuidString)").path
    }
}

enum TestDatabase {
    static func kind() throws -> AppConfig.DatabaseKind {
        let url = ProcessInfo.processInfo.environment["DATABASE_URL"]
        guard let url, !url.isEmpty else { return .sqliteMemory }
        return try AppConfig.parseDatabase(url, dataDirectory: "/tmp")
    }

    static var isPostgres: Bool {
        if case .postgres = try? kind() { return true }
        return false
    }

    /// PostgreSQL outlives a test; start each one from an empty schema.
    static func reset(_ app: Application) async throws {
        guard isPostgres, let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("DROP SCHEMA public CASCADE").run()
        try await sql.raw("CREATE SCHEMA public").run()
    }
}

enum TestLogging {
    private static let once: Void = {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .error
            return handler
        }
    }()

    static func bootstrapOnce() { _ = once }
}
