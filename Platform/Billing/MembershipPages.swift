import Core
import Fluent
import Foundation
import Payments
import Shared
import Vapor

/// `/t/{business}/membership`: the plan, the stage, what is owed and the buttons to pay it
/// (open even when the business is blocked: it is the way back).
enum MembershipPages {
    static func routes(_ app: Application) {
        let pages = app.tenantPages.grouped("membership")
        pages.get(use: show)
        pages.post("charges", ":charge", "pay", use: pay)
        pages.post("addons", use: buyAddon)
        pages.post("card", "delete", use: forgetCard)
    }

    struct ChargeRow: Encodable {
        let id: String
        let period: String
        let due: String
        let amount: String
        let state: String
        let stateText: String
        let open: Bool
    }

    struct Method: Encodable { let id: String; let name: String }
    struct Addon: Encodable { let id: String; let name: String; let price: String; let owned: Bool }

    struct Content: Encodable {
        let base: String
        let plan: String
        let period: String
        let stage: String
        let stageText: String
        let trialEnds: String?
        let nextDue: String
        let charges: [ChargeRow]
        let methods: [Method]
        let canPay: Bool
        let addons: [Addon]
        /// The card kept for renewals ("VISA •••• 4242 (12/2030)"), and its last decline.
        let card: String?
        let cardFailure: String?
        /// Card payments can keep the card (Stripe is set up and none is kept yet).
        let offersCardSaving: Bool
    }

    @Sendable static func show(req: Request) async throws -> View {
        let context = try req.tenantContext
        guard let subscription = try await Subscription.query(on: req.db).filter(\.$tenantID == context.tenantID).first() else {
            throw Abort(.notFound)
        }
        let plan = try await Plan.find(subscription.planID, on: req.db)
        let charges = try await MembershipCharge.query(on: req.db).filter(\.$tenantID == context.tenantID)
            .sort(\.$periodStartDay, .descending).limit(24).all()
        let card = try await BillingCard.query(on: req.db).filter(\.$tenantID == context.tenantID).first()
        let platformID = try await Tenant.query(on: req.db).filter(\.$slug == PlatformAccount.slug).first()?.id
        let methods = try await methods(req.application, platformID: platformID, on: req.db)
        let content = Content(
            base: "/t/\(context.tenant.slug)/membership", plan: plan?.name ?? "", period: subscription.period.displayName,
            stage: subscription.state.rawValue,
            stageText: req.language == .en ? subscription.state.englishName : subscription.state.spanishName,
            trialEnds: subscription.state == .trial ? LimaDate(dayNumber: subscription.trialEndsDay).formatted : nil,
            nextDue: LimaDate(dayNumber: subscription.nextDueDay).formatted,
            charges: try charges.map { charge in
                ChargeRow(id: try charge.requireID().uuidString.lowercased(),
                          period: "\(charge.periodStart.formatted) – \(charge.periodEnd.adding(days: -1).formatted)"
                            + (charge.moduleID.isEmpty ? "" : " · \(moduleName(charge.moduleID, req))"),
                          due: charge.periodStart.formatted, amount: charge.amount.formatted, state: charge.state.rawValue,
                          stateText: req.t("membership.charge.\(charge.state.rawValue)"),
                          open: charge.state == .open)
            },
            methods: methods.map { Method(id: $0.rawValue, name: req.t("methods.\($0.rawValue)")) },
            canPay: context.user != nil,
            addons: try await addons(req, subscription: subscription, plan: plan),
            card: card?.label, cardFailure: card?.lastFailure,
            offersCardSaving: card == nil && methods.contains { req.application.paymentGateways[$0] is any CardOnFileGateway })
        return try await req.renderPage("billing/membership", content, title: req.t("membership.title"))
    }

    static func moduleName(_ id: String, _ req: Request) -> String {
        req.application.modules.module(id)?.name.text(for: req.language) ?? id
    }

    /// The modules not in the plan: bought ones, and the rest with their price.
    static func addons(_ req: Request, subscription: Subscription, plan: Plan?) async throws -> [Addon] {
        let owned = Set(try await BillingAddon.query(on: req.db).filter(\.$tenantID == subscription.tenantID).all().map(\.moduleID))
        let included = Set(plan?.modules ?? [])
        return req.application.modules.modules.filter { !included.contains($0.id) }.map { module in
            Addon(id: module.id, name: module.name.text(for: req.language), price: Money(cents: BillingAddon.monthlyCents).formatted,
                  owned: owned.contains(module.id))
        }
    }

    /// Buys a module on top of the plan: it is enabled now, and its first charge covers the days
    /// left until the next period (then it is billed with every period).
    @Sendable static func buyAddon(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        let context = try req.tenantContext
        struct Form: Vapor.Content { var module: String? }
        guard let moduleID = try req.content.decode(Form.self).module, req.application.modules.module(moduleID) != nil,
              let subscription = try await Subscription.query(on: req.db).filter(\.$tenantID == context.tenantID).first() else {
            throw Abort(.unprocessableEntity, reason: req.t("membership.error.addon"))
        }
        let now = req.application.clock.now()
        let today = LimaDate(now).dayNumber
        let done = req.redirect(to: "/t/\(context.tenant.slug)/membership?addon=\(moduleID)")
        // Read before the transaction, whose first statement must be a write (SQLite).
        guard try await BillingAddon.query(on: req.db).filter(\.$tenantID == context.tenantID)
            .filter(\.$moduleID == moduleID).first() == nil else { return done }
        try await req.db.transaction { tx in
            let addon = BillingAddon()
            addon.tenantID = context.tenantID
            addon.moduleID = moduleID
            addon.monthlyCents = BillingAddon.monthlyCents
            addon.createdAt = now
            try await addon.create(on: tx)
            try await TenantModules.enable(moduleID, for: context.tenantID, registry: req.application.modules, on: tx)
            let days = max(1, subscription.nextDueDay - today)
            let charge = MembershipCharge()
            charge.tenantID = context.tenantID
            charge.subscriptionID = try subscription.requireID()
            charge.moduleID = moduleID
            charge.periodStartDay = today
            charge.periodEndDay = max(subscription.nextDueDay, today + 1)
            charge.graceDays = 0
            charge.amountCents = max(100, (BillingAddon.monthlyCents * Int64(days) + 15) / 30)
            charge.state = .open
            charge.createdAt = now
            try await charge.create(on: tx)
        }
        return done
    }

    /// The platform's own ways to be paid (not the business's): card when Stripe is set up, Yape
    /// through Culqi, a Yape/Plin voucher once the platform's business has a wallet (its staff
    /// approve it at /t/multinicho-plataforma/payments), the sandbox in development and tests.
    static func methods(_ app: Application, platformID: UUID?, on db: any Database) async throws -> [PaymentProviderID] {
        var wallets = 0
        if let platformID { wallets = try await PaymentWallet.query(on: db).filter(\.$tenantID == platformID).count() }
        return [.stripe, .culqiYape, .voucher, .sandbox].filter { provider in
            guard app.paymentGateways[provider] != nil else { return false }
            switch provider {
            case .sandbox: return app.config.isDevelopment
            case .voucher: return wallets > 0
            default: return true
            }
        }
    }

    /// Creates (or finds again) the charge's payment with the chosen method and sends the
    /// payer to its page.
    @Sendable static func pay(req: Request) async throws -> Response {
        let context = try req.tenantContext
        let charge = try await req.tenantScope.require(MembershipCharge.self, req.parameters.get("charge", as: UUID.self))
        struct Form: Vapor.Content { var method: String?; var save_card: String? }
        let form = try req.content.decode(Form.self)
        let platform = try await PlatformAccount.tenant(app: req.application, on: req.db)
        guard charge.state == .open, let method = form.method.flatMap(PaymentProviderID.init(rawValue:)),
              try await methods(req.application, platformID: platform.id, on: req.db).contains(method),
              let gateway = req.application.paymentGateways[method] else {
            throw Abort(.unprocessableEntity, reason: req.t("membership.error.method"))
        }
        let saveCard = form.save_card == "on" && gateway is any CardOnFileGateway
        let request = try charge.paymentRequest(business: context.tenant.displayName, keySuffix: method.rawValue + (saveCard ? "-save" : ""),
                                                payerEmail: context.user?.email, saveCard: saveCard)
        let payment = try await PaymentService.create(request, tenantID: try platform.requireID(), gateway: gateway,
                                                      now: req.application.clock.now(), on: req.db)
        return req.redirect(to: "/pay/\(try payment.requireID().uuidString.lowercased())")
    }

    /// Stops the automatic renewals by card: the card is detached at the provider and dropped.
    @Sendable static func forgetCard(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        let context = try req.tenantContext
        try await SavedCards.forget(tenantID: context.tenantID, app: req.application, on: req.db)
        return req.redirect(to: "/t/\(context.tenant.slug)/membership?card=removed")
    }
}
