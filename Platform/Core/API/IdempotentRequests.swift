import Crypto
import Fluent
import Shared
import SQLKit
import Vapor

/// `Idempotency-Key` for the API's writes: the first request with a key runs and its answer is
/// stored with the key; the same key and body again gets that answer back (with
/// `Idempotent-Replayed: true`) without running anything; the same key with another body or
/// endpoint is 409. A request that fails (4xx) stores nothing, so the client may fix and retry.
public enum IdempotentRequests {
    /// How long a key is remembered (Stripe's figure); the nightly sweep forgets older ones.
    public static let retention: TimeInterval = 24 * 3600

    /// The answer a write produced, as stored and replayed.
    public struct Answer: Sendable {
        public let status: HTTPResponseStatus
        public let body: Data
        public let location: String?

        public init(status: HTTPResponseStatus, body: Data, location: String? = nil) {
            self.status = status
            self.body = body
            self.location = location
        }

        public static func json<T: Encodable>(_ value: T, status: HTTPResponseStatus, location: String? = nil) throws -> Answer {
            Answer(status: status, body: try JSONEncoder.api.encode(value), location: location)
        }

        func response(replayed: Bool) -> Response {
            var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
            if let location { headers.add(name: .location, value: location) }
            if replayed { headers.add(name: "Idempotent-Replayed", value: "true") }
            return Response(status: status, headers: headers, body: .init(data: body))
        }
    }

    /// Runs `work` in a transaction, at most once per key. `work` gets the transaction and must
    /// do every write on it, so that the writes and the stored answer commit together.
    public static func run(
        _ req: Request, tenantID: UUID, body: Data, work: @escaping @Sendable (any Database) async throws -> Answer
    ) async throws -> Response {
        guard let key = req.headers.first(name: "Idempotency-Key") else {
            return try await req.db.transaction { try await work($0) }.response(replayed: false)
        }
        guard (1...255).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0.asciiValue! >= 33 && $0.asciiValue! < 127 }) else {
            throw InputProblems([InputProblem(pointer: "", rule: "idempotency_key",
                                              message: "la cabecera Idempotency-Key debe tener de 1 a 255 caracteres ASCII visibles",
                                              messageEn: "the Idempotency-Key header must have 1 to 255 visible ASCII characters")])
        }
        let fingerprint = Self.fingerprint(method: req.method.rawValue, path: req.url.path, body: body)
        let now = req.application.clock.now()
        let fresh = try await req.db.transaction { tx -> Answer? in
            // The claim is the transaction's first statement (a write: see PaymentLedger.apply).
            guard try await claim(key, tenantID: tenantID, fingerprint: fingerprint, now: now, on: tx) else { return nil }
            let answer = try await work(tx)
            try await IdempotencyRecord.query(on: tx).filter(\.$tenantID == tenantID).filter(\.$key == key)
                .set(\.$status, to: Int(answer.status.code)).set(\.$body, to: answer.body).set(\.$location, to: answer.location)
                .update()
            return answer
        }
        if let fresh { return fresh.response(replayed: false) }
        guard let stored = try await IdempotencyRecord.query(on: req.db).filter(\.$tenantID == tenantID).filter(\.$key == key).first(),
              stored.status > 0 else {
            throw APIError(.conflict, code: "idempotency_conflict", message: req.t("error.idempotency_in_progress"))
        }
        guard stored.fingerprint == fingerprint else {
            throw APIError(.conflict, code: "idempotency_conflict", message: req.t("error.idempotency_conflict"))
        }
        return Answer(status: HTTPResponseStatus(statusCode: stored.status), body: stored.body, location: stored.location)
            .response(replayed: true)
    }

    /// Inserts the key; false when it was there already (this request is a repeat).
    private static func claim(_ key: String, tenantID: UUID, fingerprint: String, now: Date, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "idempotency needs SQL") }
        let rows = try await sql.raw("""
            INSERT INTO \(ident: IdempotencyRecord.schema) (id, tenant_id, key, fingerprint, status, body, created_at)
            VALUES (\(bind: UUID()), \(bind: tenantID), \(bind: key), \(bind: fingerprint), 0, \(bind: Data()), \(bind: now))
            ON CONFLICT (tenant_id, key) DO NOTHING RETURNING id
            """).all()
        return !rows.isEmpty
    }

    static func fingerprint(method: String, path: String, body: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(method) \(path)\n".utf8))
        hasher.update(data: body)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// A used `Idempotency-Key` and the answer it got (status 0 while the first request runs).
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "api_idempotency_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "key") var key: String
    @Field(key: "fingerprint") var fingerprint: String
    @Field(key: "status") var status: Int
    @Field(key: "body") var body: Data
    @OptionalField(key: "location") var location: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

struct CreateIdempotencyKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IdempotencyRecord.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("fingerprint", .string, .required)
            .field("status", .int, .required)
            .field("body", .data, .required)
            .field("location", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "key")
            .create()
        try await database.createIndex(on: IdempotencyRecord.schema, "created_at")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdempotencyRecord.schema).delete()
    }
}

extension JSONEncoder {
    /// The public API's JSON: ISO 8601 dates, no escaped slashes in URLs (the jobs' settings).
    public static var api: JSONEncoder { .jobs }
}
