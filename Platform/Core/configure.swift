import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import Vapor

/// Sets up the platform on `app`: database, sessions, views, middleware, migrations and every
/// route, including those of `modules`. Public so that tests build the same app as the server.
public func configure(_ app: Application, config: AppConfig, modules: [any NicheModule]) async throws {
    app.config = config
    app.modules = try ModuleRegistry(modules)
    _ = PlatformMetrics.registry

    try useDatabase(config.database, on: app)
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.dummyPasswordHash = try Bcrypt.hash(RandomToken.make(), cost: config.bcryptCost)

    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: "mn_session") { id in
        HTTPCookies.Value(string: id.string, maxAge: 30 * 24 * 3600, path: "/",
                          isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    app.leaf.cache.isEnabled = config.mode != .development
    app.leaf.tags["t"] = TranslateTag()
    app.leaf.tags["money"] = MoneyTag()

    app.http.server.configuration.port = config.port
    app.http.server.configuration.hostname = config.host

    // Outermost first: the error middleware sits inside logging and the headers, so error
    // responses carry the request id too.
    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(PlatformErrorMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(CurrentUserMiddleware())
    app.middleware.use(CSRFMiddleware())

    app.migrations.add(CoreMigrations.all)
    app.migrations.add(app.modules.migrations)

    useJobs(on: app, config: config)
    try routes(app)
}

/// Registers the platform's and the modules' job handlers, schedules and event subscribers,
/// and the runtime that serves them. Other platform parts (webhooks, ...) add theirs after this.
private func useJobs(on app: Application, config: AppConfig) {
    app.jobHandlers = JobHandlers(CoreJobs.handlers + app.modules.modules.flatMap(\.jobHandlers))
    app.scheduledJobs = CoreJobs.schedules + app.modules.modules.flatMap(\.scheduledJobs)
    app.eventSubscribers = app.modules.modules.flatMap(\.eventSubscribers)
    let runtime = JobRuntime(
        application: app,
        options: JobWorker.Options(concurrency: config.workerConcurrency, lease: config.jobLease))
    app.jobRuntime = runtime
    if config.workerConcurrency > 0 {
        app.lifecycle.use(JobRuntimeLifecycle(runtime: runtime))
    }
}

private func useDatabase(_ kind: AppConfig.DatabaseKind, on app: Application) throws {
    switch kind {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        // Local and CI clusters run without TLS; production sets sslmode in the URL.
        if !url.absoluteString.contains("sslmode=require") {
            postgres.coreConfiguration.tls = .disable
        }
        app.databases.use(.postgres(configuration: postgres), as: .psql)
    }
}
