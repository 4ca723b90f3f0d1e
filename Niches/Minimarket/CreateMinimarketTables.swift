import Core
import Fluent
import SQLKit

struct CreateMinimarketTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let tenant = { (builder: SchemaBuilder) in
            builder.field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
        }
        try await tenant(database.schema(MarketProduct.schema).id())
            .field("name", .string, .required)
            .field("sku", .string)
            .field("barcode", .string)
            .field("category", .string, .required)
            .field("search_text", .string, .required)
            .field("unit", .string, .required)
            .field("price_cents", .int64, .required)
            .field("tax", .string, .required)
            .field("cost_cents", .int64)
            .field("stock_milli", .int64, .required)
            .field("low_stock_milli", .int64, .required)
            .field("allow_negative", .bool, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "barcode")
            .unique(on: "tenant_id", "sku")
            .create()

        try await tenant(database.schema(MarketRegister.schema).id())
            .field("opened_by", .uuid, .required, .references(User.schema, "id"))
            .field("opened_at", .datetime, .required)
            .field("float_cents", .int64, .required)
            .field("closed_by", .uuid, .references(User.schema, "id"))
            .field("closed_at", .datetime)
            .field("counted_cents", .int64)
            .field("expected_cents", .int64)
            .field("totals", .string, .required)
            .create()
        // One open till per business, held by the database: two "open" clicks at once make one.
        if let sql = database as? any SQLDatabase {
            try await sql.raw("""
                CREATE UNIQUE INDEX minimarket_registers_one_open ON \(ident: MarketRegister.schema) (tenant_id) WHERE closed_at IS NULL
                """).run()
        }

        try await tenant(database.schema(MarketSale.schema).id())
            .field("client_id", .string, .required)
            .field("state", .string, .required)
            .field("register_id", .uuid, .references(MarketRegister.schema, "id"))
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("customer_name", .string, .required)
            .field("customer_document", .string)
            .field("customer_email", .string)
            .field("total_cents", .int64, .required)
            .field("rounding_cents", .int64, .required)
            .field("change_cents", .int64, .required)
            .field("document_id", .uuid)
            .field("credit_document_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "client_id")
            .create()
        try await database.createIndex(on: MarketSale.schema, "tenant_id", "created_at")

        try await tenant(database.schema(MarketSaleLine.schema).id())
            .field("sale_id", .uuid, .required, .references(MarketSale.schema, "id", onDelete: .cascade))
            .field("product_id", .uuid, .required, .references(MarketProduct.schema, "id"))
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("quantity_milli", .int64, .required)
            .field("unit_price_cents", .int64, .required)
            .field("discount_cents", .int64, .required)
            .field("total_cents", .int64, .required)
            .field("tax", .string, .required)
            .create()
        try await database.createIndex(on: MarketSaleLine.schema, "sale_id")

        try await tenant(database.schema(MarketSalePayment.schema).id())
            .field("sale_id", .uuid, .required, .references(MarketSale.schema, "id", onDelete: .cascade))
            .field("method", .string, .required)
            .field("amount_cents", .int64, .required)
            .field("tendered_cents", .int64)
            .field("reference", .string)
            .create()
        try await database.createIndex(on: MarketSalePayment.schema, "sale_id")

        try await tenant(database.schema(MarketStockMove.schema).id())
            .field("product_id", .uuid, .required, .references(MarketProduct.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("delta_milli", .int64, .required)
            .field("stock_after_milli", .int64, .required)
            .field("sale_id", .uuid, .references(MarketSale.schema, "id"))
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex(on: MarketStockMove.schema, "tenant_id", "product_id")
    }

    func revert(on database: any Database) async throws {
        for schema in [MarketStockMove.schema, MarketSalePayment.schema, MarketSaleLine.schema, MarketSale.schema,
                       MarketRegister.schema, MarketProduct.schema] {
            try await database.schema(schema).delete()
        }
    }
}
