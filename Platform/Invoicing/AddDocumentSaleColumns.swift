import Core
import Fluent

/// How a document was paid and who issued it, for the sales report's breakdowns. Documents
/// issued before this have neither (the report shows them as "sin dato").
struct AddDocumentSaleColumns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(InvoiceRecord.schema).field("payment_method", .string).update()
        try await database.schema(InvoiceRecord.schema).field("issued_by", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InvoiceRecord.schema).deleteField("issued_by").update()
        try await database.schema(InvoiceRecord.schema).deleteField("payment_method").update()
    }
}
