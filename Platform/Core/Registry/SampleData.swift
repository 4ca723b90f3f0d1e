import Fluent
import Vapor

/// Example rows a module adds on the owner's request during onboarding (a stocked shelf, a
/// service list) so there is something to look at, and takes away again with one click.
/// Each row added is recorded, so that removal takes exactly those rows and nothing of the
/// owner's own.
public struct SampleData: Sendable {
    public let add: @Sendable (SampleScope) async throws -> Void
    /// Removes the recorded rows; rows the business has since used (a product sold) are
    /// retired instead of deleted, since the history points at them.
    public let remove: @Sendable (SampleScope) async throws -> Void

    public init(add: @escaping @Sendable (SampleScope) async throws -> Void,
                remove: @escaping @Sendable (SampleScope) async throws -> Void) {
        self.add = add
        self.remove = remove
    }
}

/// What a module's sample code gets: the business, who asked, the transaction, and the record
/// of what it added.
public struct SampleScope: Sendable {
    public let tenantID: UUID
    public let userID: UUID?
    public let db: any Database
    public let now: Date
    let moduleID: String

    public var scope: TenantScope { TenantScope(tenantID: tenantID, db: db) }

    public func record(_ id: UUID, kind: String) async throws {
        try await SampleRow(tenantID: tenantID, moduleID: moduleID, kind: kind, rowID: id, now: now).create(on: db)
    }

    /// The ids recorded under `kind`, oldest first.
    public func recorded(_ kind: String) async throws -> [UUID] {
        try await SampleRow.query(on: db).filter(\.$tenantID == tenantID).filter(\.$moduleID == moduleID)
            .filter(\.$kind == kind).sort(\.$createdAt).all().map(\.rowID)
    }
}

/// Adding and removing every enabled module's samples, each in one transaction.
public enum Samples {
    public static func present(in tenantID: UUID, on db: any Database) async throws -> Bool {
        try await SampleRow.query(on: db).filter(\.$tenantID == tenantID).count() > 0
    }

    /// Adds the samples of the enabled modules that have some and have not added them yet.
    public static func add(to context: TenantContext, userID: UUID?, app: Application, on db: any Database) async throws {
        let tenantID = context.tenantID
        let now = app.clock.now()
        try await db.transaction { tx in
            for module in app.modules.modules where context.enabledModules.contains(module.id) {
                guard let samples = module.sampleData,
                      try await SampleRow.query(on: tx).filter(\.$tenantID == tenantID).filter(\.$moduleID == module.id).count() == 0
                else { continue }
                try await samples.add(SampleScope(tenantID: tenantID, userID: userID, db: tx, now: now, moduleID: module.id))
            }
        }
    }

    /// Removes every module's samples, enabled or not (a module turned off keeps its rows).
    public static func remove(from tenantID: UUID, userID: UUID?, app: Application, on db: any Database) async throws {
        let now = app.clock.now()
        try await db.transaction { tx in
            let modules = Set(try await SampleRow.query(on: tx).filter(\.$tenantID == tenantID).all().map(\.moduleID))
            for module in app.modules.modules where modules.contains(module.id) {
                try await module.sampleData?.remove(SampleScope(tenantID: tenantID, userID: userID, db: tx, now: now, moduleID: module.id))
            }
            try await SampleRow.query(on: tx).filter(\.$tenantID == tenantID).delete()
        }
    }

    public static func offered(to enabledModules: Set<String>, registry: ModuleRegistry) -> Bool {
        registry.modules.contains { enabledModules.contains($0.id) && $0.sampleData != nil }
    }
}

final class SampleRow: Model, @unchecked Sendable {
    static let schema = "sample_rows"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "module_id") var moduleID: String
    @Field(key: "kind") var kind: String
    @Field(key: "row_id") var rowID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(tenantID: UUID, moduleID: String, kind: String, rowID: UUID, now: Date) {
        self.tenantID = tenantID
        self.moduleID = moduleID
        self.kind = kind
        self.rowID = rowID
        self.createdAt = now
    }
}
