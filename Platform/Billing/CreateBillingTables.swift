import Core
import Fluent
import SQLKit

struct CreateBillingTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Plan.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("monthly_cents", .int64, .required)
            .field("discounts", .string, .required)
            .field("modules", .string, .required)
            .field("max_staff", .int, .required)
            .field("max_documents_month", .int, .required)
            .field("active", .bool, .required)
            .unique(on: "code")
            .create()
        // The plans of the launch (S/ 30 to S/ 80 a month); the platform admin edits them.
        for (code, name, cents) in [("basico", "Básico", Int64(3000)), ("negocio", "Negocio", 5000), ("plus", "Plus", 8000)] {
            let plan = Plan()
            plan.code = code
            plan.name = name
            plan.monthlyCents = cents
            plan.discountsJSON = #"{"anual":15,"semestral":10,"trimestral":5}"#
            plan.modulesText = ""
            plan.maxStaff = code == "basico" ? 2 : code == "negocio" ? 5 : 15
            plan.maxDocumentsPerMonth = code == "basico" ? 300 : code == "negocio" ? 1500 : 10000
            plan.active = true
            try await plan.create(on: database)
        }
        try await database.schema(Subscription.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("plan_id", .uuid, .required, .references(Plan.schema, "id"))
            .field("period", .string, .required)
            .field("state", .string, .required)
            .field("trial_ends_day", .int, .required)
            .field("next_due_day", .int, .required)
            .field("next_period_end_day", .int, .required)
            .field("renewal_cents", .int64, .required)
            .field("state_changed_at", .datetime, .required)
            .field("manual_stage", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
        try await database.createIndex(on: Subscription.schema, "next_due_day")
        try await database.createIndex(on: Subscription.schema, "state")
        try await database.schema(MembershipCharge.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("subscription_id", .uuid, .required, .references(Subscription.schema, "id", onDelete: .cascade))
            .field("module_id", .string, .required)
            .field("period_start_day", .int, .required)
            .field("period_end_day", .int, .required)
            .field("grace_days", .int, .required)
            .field("amount_cents", .int64, .required)
            .field("state", .string, .required)
            .field("payment_id", .uuid)
            .field("document_id", .uuid)
            .field("paid_at", .datetime)
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "subscription_id", "period_start_day", "module_id")
            .create()
        try await database.schema(BillingAddon.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("module_id", .string, .required)
            .field("monthly_cents", .int64, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "module_id")
            .create()
        try await database.createIndex(on: MembershipCharge.schema, "subscription_id", "state")
        try await database.createIndex(on: MembershipCharge.schema, "tenant_id")
        try await database.schema(BillingPolicyRecord.schema)
            .id()
            .field("steps", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(BillingAuditEntry.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, "id", onDelete: .cascade))
            .field("admin_id", .uuid)
            .field("action", .string, .required)
            .field("reason", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex(on: BillingAuditEntry.schema, "tenant_id", "created_at")
        // One row per charge and day a reminder went out: the sweep's reminders happen once a day
        // however often it runs (INSERT ... ON CONFLICT DO NOTHING decides).
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "billing_notices")
            .column("charge_id", type: .text, .notNull)
            .column("day", type: .bigint, .notNull)
            .column("kind", type: .text, .notNull)
            .primaryKey("charge_id", "day")
            .run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(table: "billing_notices").run() }
        for schema in [BillingAddon.schema, BillingAuditEntry.schema, BillingPolicyRecord.schema, MembershipCharge.schema, Subscription.schema, Plan.schema] {
            try await database.schema(schema).delete()
        }
    }
}
