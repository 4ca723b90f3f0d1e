import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import SQLKit
import Vapor

/// Sets up the platform on `app`: database, sessions, views, middleware, migrations and every
/// route, including those of `modules`. Public so that tests build the same app as the server.
public func configure(_ app: Application, config: AppConfig, modules: [any NicheModule]) async throws {
    app.config = config
    app.modules = try ModuleRegistry(modules)
    app.notificationTemplates = NotificationTemplates(CoreTemplates.all + modules.flatMap(\.notificationTemplates))
    Strings.add(es: TeamStrings.spanish, en: TeamStrings.english)
    _ = PlatformMetrics.registry

    try await useDatabase(config.database, on: app)
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

private func useDatabase(_ kind: AppConfig.DatabaseKind, on app: Application) async throws {
    switch kind {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        try await tuneSQLiteFile(app)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        // Local and CI clusters run without TLS; production sets sslmode in the URL.
        if !url.absoluteString.contains("sslmode=require") {
            postgres.coreConfiguration.tls = .disable
        }
        app.databases.use(.postgres(configuration: postgres), as: .psql)
    }
}

/// sqlite-nio opens connections without a busy timeout, so a write that meets another
/// connection's write fails at once with "database is locked" (the web server and the job
/// workers write at the same time). Fluent keeps exactly one connection per event loop: give
/// each a timeout. WAL lets readers go on while one connection writes.
private func tuneSQLiteFile(_ app: Application) async throws {
    for eventLoop in app.eventLoopGroup.makeIterator() {
        guard let sql = app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase else { continue }
        try await sql.raw("PRAGMA busy_timeout = 5000").run()
    }
    try await (app.db as? any SQLDatabase)?.raw("PRAGMA journal_mode = WAL").run()
}
