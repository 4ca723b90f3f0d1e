import Core
import Payments
import Fluent
import Foundation
import Shared
import SQLKit
import Vapor

/// `/admin/billing`: every business with its stage, plan, due date and balance; MRR and
/// businesses per stage; the hand actions (each with a reason, in the audit log); the plans
/// and the dunning ladder.
enum AdminBillingPages {
    static func routes(_ app: Application) {
        let admin = app.grouped(PlatformAdminMiddleware()).grouped("admin", "billing")
        admin.get(use: console)
        admin.post("tenants", ":tenant", use: act)
        admin.post("plans", use: savePlan)
        admin.post("policy", use: savePolicy)
    }

    struct Row: Encodable {
        let tenantID: String
        let slug: String
        let name: String
        let stage: String
        let stageText: String
        let plan: String
        let nextDue: String
        let balance: String
    }

    struct PlanRow: Encodable { let id: String; let code: String; let name: String; let monthly: String; let modules: String; let discounts: String }
    struct AuditRow: Encodable { let at: String; let business: String; let action: String; let reason: String }
    /// An approved membership payment that paid nothing: its charge was already paid or waived,
    /// or it names no charge. Kept and shown, never applied twice; the admin settles it by hand.
    struct UnappliedRow: Encodable { let at: String; let payment: String; let amount: String; let reference: String; let business: String }

    struct Content: Encodable {
        let rows: [Row]
        let mrr: String
        let chart: String
        let plans: [PlanRow]
        let policy: String
        let audit: [AuditRow]
        let unapplied: [UnappliedRow]
        let error: String?
        let flash: String?
    }

    static func render(_ req: Request, error: String? = nil) async throws -> View {
        let subscriptions = try await Subscription.query(on: req.db).all()
        let tenants = Dictionary(try await Tenant.query(on: req.db).all().compactMap { t in t.id.map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        let plans = try await Plan.query(on: req.db).sort(\.$monthlyCents).all()
        let planNames = Dictionary(plans.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a })
        let open = try await MembershipCharge.query(on: req.db).filter(\.$state == .open).all()
        let balances = Dictionary(grouping: open, by: \.tenantID).mapValues { $0.reduce(Int64(0)) { $0 + $1.amountCents } }
        let rows = subscriptions.compactMap { s -> Row? in
            guard let tenant = tenants[s.tenantID] else { return nil }
            return Row(tenantID: s.tenantID.uuidString.lowercased(), slug: tenant.slug, name: tenant.displayName, stage: s.state.rawValue,
                       stageText: req.language == .en ? s.state.englishName : s.state.spanishName, plan: planNames[s.planID] ?? "",
                       nextDue: LimaDate(dayNumber: s.nextDueDay).formatted, balance: Money(cents: balances[s.tenantID] ?? 0).formatted)
        }.sorted { ($0.stage, $0.name) < ($1.stage, $1.name) }
        // MRR: what paying memberships bring per month (a quarterly plan counts a third).
        let paying = subscriptions.filter { [.active, .warning].contains($0.state) }
        let mrr = paying.reduce(Decimal(0)) { $0 + Decimal($1.renewalCents) / Decimal($1.period.months) / 100 }
        let counts = MembershipStage.allCases.map { stage in
            SVGBarChart.Bar(label: req.language == .en ? stage.englishName : stage.spanishName,
                            value: subscriptions.filter { $0.state == stage }.count, color: color(stage))
        }
        let audit = try await BillingAuditEntry.query(on: req.db).sort(\.$createdAt, .descending).limit(50).all()
        let content = Content(
            rows: rows, mrr: Money.rounded(mrr).formatted,
            chart: SVGBarChart.render(counts, title: req.t("billing.chart_title")),
            plans: try plans.map { PlanRow(id: try $0.requireID().uuidString.lowercased(), code: $0.code, name: $0.name,
                                           monthly: Money(cents: $0.monthlyCents).formatted, modules: $0.modulesText, discounts: $0.discountsJSON) },
            policy: String(decoding: try JSONEncoder.jobs.encode(try await PolicyStore.current(on: req.db).steps), as: UTF8.self),
            audit: audit.map { entry in
                AuditRow(at: LimaCalendar.formatDateTime(entry.createdAt), business: tenants[entry.tenantID]?.displayName ?? "",
                         action: entry.action, reason: entry.reason)
            },
            unapplied: try await unapplied(req, tenants: tenants),
            error: error, flash: req.query[String.self, at: "done"])
        return try await req.renderPage("billing/admin", content, title: req.t("billing.console_title"))
    }

    static func unapplied(_ req: Request, tenants: [UUID: Tenant]) async throws -> [UnappliedRow] {
        let payments = try await Payment.query(on: req.db).filter(\.$purpose == Reconciliation.purpose).filter(\.$state == .approved)
            .sort(\.$createdAt, .descending).limit(500).all()
        let ids = payments.compactMap { UUID(uuidString: $0.reference) }
        let charges = Dictionary(try await MembershipCharge.query(on: req.db).filter(\.$id ~~ ids).all().compactMap { c in c.id.map { ($0, c) } },
                                 uniquingKeysWith: { a, _ in a })
        return payments.compactMap { payment in
            let charge = UUID(uuidString: payment.reference).flatMap { charges[$0] }
            guard charge?.paymentID != payment.id else { return nil }
            return UnappliedRow(at: LimaCalendar.formatDateTime(payment.createdAt), payment: payment.id?.uuidString.lowercased() ?? "",
                                amount: payment.amount.formatted, reference: payment.reference,
                                business: charge.flatMap { tenants[$0.tenantID]?.displayName } ?? "—")
        }
    }

    static func color(_ stage: MembershipStage) -> String {
        switch stage {
        case .trial: "#6b8fbf"
        case .active: "#2f7d4a"
        case .warning: "#c9a227"
        case .readOnly: "#d9822b"
        case .blocked: "#b3261e"
        case .cancelled: "#777777"
        }
    }

    @Sendable static func console(req: Request) async throws -> View { try await render(req) }

    /// The hand actions: extend grace, free month, manual payment, change plan, block, unblock.
    @Sendable static func act(req: Request) async throws -> Response {
        struct Form: Vapor.Content { var action: String?; var reason: String?; var days: Int?; var plan: String? }
        let form = try req.content.decode(Form.self)
        guard let tenantID = req.parameters.get("tenant", as: UUID.self),
              let subscription = try await Subscription.query(on: req.db).filter(\.$tenantID == tenantID).first() else { throw Abort(.notFound) }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty, reason.count <= 300 else {
            return try await render(req, error: req.t("billing.error.reason")).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let action = form.action ?? ""
        do {
            try await AdminActions.perform(action, on: subscription, days: form.days, planID: form.plan.flatMap(UUID.init(uuidString:)),
                                           reason: reason, admin: req.currentUser?.id, app: req.application, on: req.db)
        } catch let refusal as AdminActions.Refusal {
            return try await render(req, error: req.t(refusal.key)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "/admin/billing?done=\(action)")
    }

    @Sendable static func savePlan(req: Request) async throws -> Response {
        struct Form: Vapor.Content { var code: String?; var name: String?; var monthly: String?; var modules: String?; var discounts: String? }
        let form = try req.content.decode(Form.self)
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, !name.isEmpty, let monthly = Money.parse(form.monthly ?? ""), monthly.cents > 0,
              let discounts = try? JSONDecoder().decode([String: Int].self, from: Data((form.discounts?.nilIfBlank ?? "{}").utf8)),
              discounts.keys.allSatisfy({ BillingPeriod(rawValue: $0) != nil }), discounts.values.allSatisfy({ (0...90).contains($0) }) else {
            return try await render(req, error: req.t("billing.error.plan")).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let plan = try await Plan.query(on: req.db).filter(\.$code == code).first() ?? Plan()
        plan.code = code
        plan.name = name
        plan.monthlyCents = monthly.cents
        plan.modulesText = (form.modules ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).joined(separator: " ")
        plan.discountsJSON = String(decoding: try JSONEncoder.jobs.encode(discounts), as: UTF8.self)
        if plan.id == nil { plan.maxStaff = 5; plan.maxDocumentsPerMonth = 1000; plan.active = true }
        try await plan.save(on: req.db)
        return req.redirect(to: "/admin/billing?done=plan")
    }

    /// The ladder as JSON steps; refused with the reason when steps overlap or go back.
    @Sendable static func savePolicy(req: Request) async throws -> Response {
        struct Form: Vapor.Content { var steps: String? }
        let text = try req.content.decode(Form.self).steps ?? ""
        do {
            let steps = try JSONDecoder().decode([DunningStep].self, from: Data(text.utf8))
            let policy = try DunningPolicy(steps: steps)
            try await PolicyStore.save(policy, now: req.application.clock.now(), on: req.db)
        } catch let error as DunningPolicyError {
            return try await render(req, error: req.language == .en ? error.messageEn : error.message).encodeResponse(status: .unprocessableEntity, for: req)
        } catch is DecodingError {
            return try await render(req, error: req.t("billing.error.policy_json")).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "/admin/billing?done=policy")
    }
}

extension String {
    var nilIfBlank: String? { trimmingCharacters(in: .whitespaces).isEmpty ? nil : self }
}
