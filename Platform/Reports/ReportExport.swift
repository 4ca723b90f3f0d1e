import Core
import Fluent
import Foundation

/// A report file made in the background: a year of a busy bodega is too much to draw while the
/// owner's browser waits. The file is kept in the row until it is downloaded again or replaced.
final class ReportExport: TenantOwned, @unchecked Sendable {
    static let schema = "report_exports"

    enum Format: String, Codable, Sendable {
        case xlsx, pdf

        var contentType: String {
            switch self {
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .pdf: "application/pdf"
            }
        }
    }

    enum State: String, Codable, Sendable { case queued, running, done, failed }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "user_id") var userID: UUID?
    @Enum(key: "format") var format: Format
    @Field(key: "from_day") var fromDay: String
    @Field(key: "to_day") var toDay: String
    @Field(key: "language") var language: String
    @Enum(key: "state") var state: State
    /// 0 to 100, for the progress bar.
    @Field(key: "progress") var progress: Int
    @OptionalField(key: "file") var file: Data?
    @OptionalField(key: "error") var error: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    var filename: String { "ventas-\(fromDay)-\(toDay).\(format.rawValue)" }
}

struct CreateReportExports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportExport.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid)
            .field("format", .string, .required)
            .field("from_day", .string, .required)
            .field("to_day", .string, .required)
            .field("language", .string, .required)
            .field("state", .string, .required)
            .field("progress", .int, .required)
            .field("file", .data)
            .field("error", .string)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.createIndex(on: ReportExport.schema, "tenant_id", "created_at")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportExport.schema).delete()
    }
}
