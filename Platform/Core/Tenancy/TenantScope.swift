import Fluent
import Vapor

/// A model whose rows belong to one tenant: its table has an indexed `tenant_id` column.
public protocol TenantOwned: Model where IDValue == UUID {
    var tenantID: UUID { get set }
}

/// The single way to reach tenant-owned rows: every query it builds carries the tenant filter,
/// and everything it creates is stamped with the tenant. Handlers get one from
/// `req.tenantScope`, so a forgotten filter is hard to write.
public struct TenantScope: Sendable {
    public let tenantID: UUID
    public let db: any Database

    public init(tenantID: UUID, db: any Database) {
        self.tenantID = tenantID
        self.db = db
    }

    public func query<M: TenantOwned>(_ type: M.Type) -> QueryBuilder<M> {
        M.query(on: db).filter("tenant_id", .equal, tenantID)
    }

    /// The row with `id` if it belongs to this tenant; another tenant's row is indistinguishable
    /// from a missing one.
    public func find<M: TenantOwned>(_ type: M.Type, _ id: UUID?) async throws -> M? {
        guard let id else { return nil }
        return try await query(type).filter(\._$id == id).first()
    }

    /// Like `find`, but answers 404 when the row is missing or belongs to someone else.
    public func require<M: TenantOwned>(_ type: M.Type, _ id: UUID?) async throws -> M {
        guard let model = try await find(type, id) else { throw Abort(.notFound) }
        return model
    }

    public func create<M: TenantOwned>(_ model: M) async throws {
        model.tenantID = tenantID
        try await model.create(on: db)
    }
}
