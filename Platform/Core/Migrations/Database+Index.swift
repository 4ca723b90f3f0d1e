import Fluent
import SQLKit

extension Database {
    /// Fluent's schema builder has no index API; both SQLite and PostgreSQL accept this SQL.
    /// Named `index_<table>_on_<column>` as the rest of the schema.
    public func createIndex(on table: String, _ columns: String...) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        let name = "index_\(table)_on_\(columns.joined(separator: "_"))"
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
