import Core
import Fluent
import Vapor

/// The self-serve set-up wizard a new business lands on after signing up: one step at a time,
/// from the platform's steps through each enabled module's, with a progress bar. Every step
/// applied or skipped is saved, so leaving and coming back resumes at the first open step.
public enum OnboardingWizard {
    public static func register(on app: Application) {
        app.migrations.add(CreateOnboardingProgress())
        app.platformOnboardingSteps += PlatformSteps.all
        app.onboardingStatus = { app, tenant, db in try await OnboardingFlow.status(app: app, tenant: tenant, on: db) }
        app.onboardingFinisher = { [unowned app] tenantID, db in
            try await OnboardingProgress.record(OnboardingProgress.finishedKey, .done, tenantID: tenantID, userID: nil,
                                                now: app.clock.now(), on: db)
        }
        Strings.add(es: OnboardingStrings.spanish, en: OnboardingStrings.english)
        let pages = app.tenantPages.grouped("onboarding")
        pages.get(use: overview)
        pages.get("next", use: next)
        // Not under `samples/`: the router does not fall back from a constant segment to `:step`.
        pages.post("remove-samples", use: removeSamples)
        pages.get(":step", use: show)
        // Certificates and QR images come on the invoicing and payments steps.
        pages.on(.POST, ":step", body: .collect(maxSize: "3mb"), use: apply)
        pages.post(":step", "skip", use: skip)
        OnboardingFunnel.routes(app)
    }

    struct OverviewItem: Encodable {
        let title: String
        let href: String
        let state: String
        let stateText: String
    }

    struct Overview: Encodable {
        let business: String
        let items: [OverviewItem]
        let doneCount: Int
        let count: Int
        let percent: Int
        let finished: Bool
        let continueHref: String?
        let dashboardHref: String
        let hasSamples: Bool
        let samplesRemoved: Bool
    }

    static func flow(_ req: Request) async throws -> OnboardingFlow {
        try req.require(CorePermission.settings)
        return try await OnboardingFlow.load(app: req.application, tenant: req.tenantContext.tenant, on: req.db)
    }

    static func base(_ req: Request) throws -> String { "/t/\(try req.tenantContext.tenant.slug)/onboarding" }

    @Sendable static func overview(req: Request) async throws -> View {
        let flow = try await flow(req)
        let base = try base(req)
        let items = flow.items.map {
            OverviewItem(title: $0.step.title.text(for: req.language), href: "\(base)/\($0.key)", state: $0.state.rawValue,
                         stateText: req.t("onboarding.state.\($0.state.rawValue)"))
        }
        let resolved = flow.items.count { $0.state != .pending }
        let context = try req.tenantContext
        let page = Overview(
            business: context.tenant.displayName, items: items, doneCount: resolved, count: items.count,
            percent: resolved * 100 / max(items.count, 1), finished: flow.finished,
            continueHref: flow.current.map { "\(base)/\($0.key)" }, dashboardHref: "/t/\(context.tenant.slug)",
            hasSamples: try await Samples.present(in: context.tenantID, on: req.db),
            samplesRemoved: req.query[String.self, at: "samples"] == "removed")
        return try await req.renderPage("onboarding/wizard", page, title: req.t("onboarding.title"), forms: true)
    }

    /// `?module=salon` goes to that module's first open step (a module turned on later).
    @Sendable static func next(req: Request) async throws -> Response {
        let flow = try await flow(req)
        let module = req.query[String.self, at: "module"]
        let target = flow.items.first { $0.state == .pending && module != nil && $0.moduleID == module } ?? flow.current
        return req.redirect(to: try target.map { "\(try base(req))/\($0.key)" } ?? base(req))
    }

    static func item(_ flow: OnboardingFlow, _ req: Request) throws -> OnboardingFlow.Item {
        guard let key = req.parameters.get("step"), let index = flow.index(of: key) else { throw Abort(.notFound) }
        return flow.items[index]
    }

    @Sendable static func show(req: Request) async throws -> View {
        let flow = try await flow(req)
        return try await render(req, flow, try item(flow, req))
    }

    static func render(
        _ req: Request, _ flow: OnboardingFlow, _ item: OnboardingFlow.Item, sent: StepValues? = nil,
        errors: [String: String] = [:], notice: String? = nil, error: String? = nil
    ) async throws -> View {
        let page = try await StepPage.make(req, flow: flow, item: item, sent: sent, errors: errors, notice: notice, error: error)
        let title = "\(req.t("onboarding.step_of").replacingOccurrences(of: "{n}", with: "\(page.position)").replacingOccurrences(of: "{count}", with: "\(page.count)")) · \(page.title)"
        return try await req.renderPage("onboarding/step", page, title: title, forms: true)
    }

    @Sendable static func apply(req: Request) async throws -> Response {
        let flow = try await flow(req)
        let item = try item(flow, req)
        let tenantID = try req.tenantContext.tenantID
        guard let form = item.step.form else {
            // A step done on a module's page: "I did it" is believed when the data shows it.
            guard try await item.step.isComplete(tenantID, req.db) else {
                return try await render(req, flow, item, error: req.t("onboarding.not_done_yet"))
                    .encodeResponse(status: .conflict, for: req)
            }
            return try await advance(req, from: item, .done)
        }
        let fields = try await form.fields(req)
        let values = StepPage.values(of: fields, in: req)
        var errors = StepPage.missing(fields, in: values, req)
        var outcome = StepForm.Outcome.done
        if errors.isEmpty {
            do {
                outcome = try await form.apply(req, values)
            } catch let refused as FieldErrors {
                errors = refused
            } catch let refused as FieldErrorKeys {
                errors = refused.translated(req.language)
            }
        }
        guard errors.isEmpty else {
            return try await render(req, flow, item, sent: values, errors: errors.fields, error: req.t("onboarding.fix_fields"))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        if case .stay(let notice) = outcome {
            let reloaded = try await OnboardingFlow.load(app: req.application, tenant: req.tenantContext.tenant, on: req.db)
            return try await render(req, reloaded, try Self.item(reloaded, req), notice: notice.text(for: req.language))
                .encodeResponse(for: req)
        }
        return try await advance(req, from: item, .done)
    }

    @Sendable static func skip(req: Request) async throws -> Response {
        let flow = try await flow(req)
        let item = try item(flow, req)
        guard item.step.skippable else {
            return try await render(req, flow, item, error: req.t("onboarding.not_skippable")).encodeResponse(status: .conflict, for: req)
        }
        return try await advance(req, from: item, .skipped)
    }

    /// Saves the step's outcome and goes to the next open step; the list of steps is read
    /// again since a step may have changed it (modules chosen).
    static func advance(_ req: Request, from item: OnboardingFlow.Item, _ outcome: OnboardingProgress.Outcome) async throws -> Response {
        let context = try req.tenantContext
        try await OnboardingProgress.record(item.key, outcome, tenantID: context.tenantID, userID: context.user?.id,
                                            now: req.application.clock.now(), on: req.db)
        let flow = try await OnboardingFlow.load(app: req.application, tenant: context.tenant, on: req.db)
        let base = try base(req)
        return req.redirect(to: flow.next(after: item.key).map { "\(base)/\($0.key)" } ?? base)
    }

    @Sendable static func removeSamples(req: Request) async throws -> Response {
        try req.require(CorePermission.settings)
        let context = try req.tenantContext
        try await Samples.remove(from: context.tenantID, userID: context.user?.id, app: req.application, on: req.db)
        return req.redirect(to: "\(try base(req))?samples=removed")
    }
}
