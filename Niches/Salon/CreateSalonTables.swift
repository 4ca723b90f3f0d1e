import Core
import Fluent

struct CreateSalonTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let tenant = { (builder: SchemaBuilder) in
            builder.field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
        }
        try await tenant(database.schema(SalonSettings.schema).id())
            .field("slot_interval", .int, .required)
            .field("minimum_notice", .int, .required)
            .field("max_days_ahead", .int, .required)
            .field("hold_minutes", .int, .required)
            .field("cancel_window_hours", .int, .required)
            .field("rules_reviewed", .bool, .required)
            .field("published", .bool, .required)
            .field("lock_count", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()

        try await tenant(database.schema(SalonService.schema).id())
            .field("name", .string, .required)
            .field("duration", .int, .required)
            .field("price_cents", .int64, .required)
            .field("buffer_before", .int, .required)
            .field("buffer_after", .int, .required)
            .field("skill", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex(on: SalonService.schema, "tenant_id")

        try await tenant(database.schema(SalonStylist.schema).id())
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("skills", .string, .required)
            .field("week", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "user_id")
            .create()

        try await tenant(database.schema(SalonClosure.schema).id())
            .field("stylist_id", .uuid, .references(SalonStylist.schema, "id", onDelete: .cascade))
            .field("day", .int, .required)
            .field("reason", .string, .required)
            .create()
        try await database.createIndex(on: SalonClosure.schema, "tenant_id", "day")

        try await tenant(database.schema(SalonBooking.schema).id())
            .field("token", .string, .required)
            .field("state", .string, .required)
            .field("starts_at", .int, .required)
            .field("ends_at", .int, .required)
            .field("hold_until", .datetime)
            .field("customer_name", .string, .required)
            .field("customer_email", .string, .required)
            .field("customer_phone", .string, .required)
            .field("customer_ruc", .string)
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("total_cents", .int64, .required)
            .field("payment_id", .uuid)
            .field("paid_at", .datetime)
            .field("document_id", .uuid)
            .field("cancel_reason", .string)
            .field("cancelled_by", .string)
            .field("reminded_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "token")
            .create()
        try await database.createIndex(on: SalonBooking.schema, "tenant_id", "starts_at")
        try await database.createIndex(on: SalonBooking.schema, "state", "starts_at")

        try await tenant(database.schema(SalonBookingItem.schema).id())
            .field("booking_id", .uuid, .required, .references(SalonBooking.schema, "id", onDelete: .cascade))
            .field("service_id", .uuid, .required, .references(SalonService.schema, "id"))
            .field("stylist_id", .uuid, .required, .references(SalonStylist.schema, "id"))
            .field("service_name", .string, .required)
            .field("price_cents", .int64, .required)
            .field("starts_at", .int, .required)
            .field("ends_at", .int, .required)
            .field("busy_from", .int, .required)
            .field("busy_to", .int, .required)
            .field("blocking", .bool, .required)
            .field("hold_until", .datetime)
            .create()
        try await database.createIndex(on: SalonBookingItem.schema, "tenant_id", "stylist_id", "busy_from")
        try await database.createIndex(on: SalonBookingItem.schema, "booking_id")
    }

    func revert(on database: any Database) async throws {
        for schema in [SalonBookingItem.schema, SalonBooking.schema, SalonClosure.schema, SalonStylist.schema,
                       SalonService.schema, SalonSettings.schema] {
            try await database.schema(schema).delete()
        }
    }
}
