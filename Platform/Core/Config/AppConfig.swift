import Foundation

/// Every setting of the platform, read once from environment variables with sane defaults.
/// The README's configuration table documents each one; keep the two in step.
public struct AppConfig: Sendable {
    public enum Mode: String, Sendable { case development, production, testing }

    public enum DatabaseKind: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(URL)
    }

    public var mode: Mode
    public var database: DatabaseKind
    public var port: Int
    public var host: String
    public var baseURL: String
    public var secretKey: String
    public var dataDirectory: String
    public var bcryptCost: Int
    /// Behind nginx every request comes from 127.0.0.1, so the client IP must be read from
    /// X-Forwarded-For; trusting that header without a proxy would let anyone dodge throttling.
    public var trustProxy: Bool
    /// Jobs run at once by `serve` in this process; 0 leaves all jobs to `multinicho worker`.
    public var workerConcurrency: Int
    /// Seconds a claimed job stays with its worker; a crashed worker's jobs return after this.
    public var jobLease: TimeInterval

    public init(
        mode: Mode = .development,
        database: DatabaseKind = .sqliteMemory,
        port: Int = 8080,
        host: String = "127.0.0.1",
        baseURL: String = "http://localhost:8080",
        secretKey: String,
        dataDirectory: String = "./data",
        bcryptCost: Int = 12,
        trustProxy: Bool = false,
        workerConcurrency: Int = 4,
        jobLease: TimeInterval = 120
    ) {
        self.mode = mode
        self.database = database
        self.port = port
        self.host = host
        self.baseURL = baseURL
        self.secretKey = secretKey
        self.dataDirectory = dataDirectory
        self.bcryptCost = bcryptCost
        self.trustProxy = trustProxy
        self.workerConcurrency = workerConcurrency
        self.jobLease = jobLease
    }

    /// Cookies get the Secure flag only when the public URL is HTTPS (behind TLS).
    public var secureCookies: Bool { baseURL.lowercased().hasPrefix("https://") }

    public var isDevelopment: Bool { mode == .development }
}

extension AppConfig {
    public struct Invalid: Error, CustomStringConvertible {
        public let variable: String
        public let reason: String
        public var description: String { "\(variable): \(reason)" }

        public init(variable: String, reason: String) {
            self.variable = variable
            self.reason = reason
        }
    }

    /// Builds the configuration from `environment` (normally `ProcessInfo.processInfo.environment`).
    public static func fromEnvironment(_ environment: [String: String]) throws -> AppConfig {
        func value(_ key: String) -> String? {
            guard let v = environment[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        let dataDirectory = value("DATA_DIR") ?? "./data"
        let mode = try value("APP_ENV").map { raw in
            guard let m = Mode(rawValue: raw) else {
                throw Invalid(variable: "APP_ENV", reason: "expected development, production or testing, got \(raw)")
            }
            return m
        } ?? .development
        let port = try value("PORT").map { raw in
            guard let p = Int(raw), (1...65535).contains(p) else {
                throw Invalid(variable: "PORT", reason: "expected a port number, got \(raw)")
            }
            return p
        } ?? 8080
        let bcryptCost = try value("BCRYPT_COST").map { raw in
            guard let c = Int(raw), (4...31).contains(c) else {
                throw Invalid(variable: "BCRYPT_COST", reason: "expected 4...31, got \(raw)")
            }
            return c
        } ?? 12
        let workers = try value("WORKER_CONCURRENCY").map { raw in
            guard let n = Int(raw), (0...64).contains(n) else {
                throw Invalid(variable: "WORKER_CONCURRENCY", reason: "expected 0...64, got \(raw)")
            }
            return n
        } ?? 4
        let lease = try value("JOB_LEASE_SECONDS").map { raw in
            guard let n = Int(raw), (2...3600).contains(n) else {
                throw Invalid(variable: "JOB_LEASE_SECONDS", reason: "expected 2...3600, got \(raw)")
            }
            return TimeInterval(n)
        } ?? 120
        let secret = try value("SECRET_KEY") ?? SecretKeyFile.loadOrCreate(in: dataDirectory)
        return AppConfig(
            mode: mode,
            database: try parseDatabase(value("DATABASE_URL"), dataDirectory: dataDirectory),
            port: port,
            host: value("HOST") ?? "127.0.0.1",
            baseURL: (value("BASE_URL") ?? "http://localhost:\(port)").trimmingSuffix("/"),
            secretKey: secret,
            dataDirectory: dataDirectory,
            bcryptCost: bcryptCost,
            trustProxy: ["1", "true", "yes"].contains(value("TRUST_PROXY")?.lowercased() ?? ""),
            workerConcurrency: workers,
            jobLease: lease
        )
    }

    static func parseDatabase(_ raw: String?, dataDirectory: String) throws -> DatabaseKind {
        guard let raw else { return .sqliteFile("\(dataDirectory)/multinicho.sqlite") }
        if raw == "sqlite::memory:" || raw == ":memory:" { return .sqliteMemory }
        if raw.hasPrefix("sqlite://") { return .sqliteFile(String(raw.dropFirst("sqlite://".count))) }
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://"), let url = URL(string: raw) {
            return .postgres(url)
        }
        throw Invalid(variable: "DATABASE_URL", reason: "expected postgres://..., sqlite://PATH or unset")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
