import Core
import Fluent
import Shared
import Vapor

/// `/admin/onboarding`: how many businesses got past each platform step of the wizard, as a
/// bar chart and a table; `?days=30` counts only the businesses that signed up since.
enum OnboardingFunnel {
    static func routes(_ app: Application) {
        app.grouped(PlatformAdminMiddleware()).get("admin", "onboarding", use: show)
    }

    struct Row: Encodable {
        let number: Int
        let name: String
        let passed: Int
        let skipped: Int
        let share: Int
    }

    struct Content: Encodable {
        let chart: String
        let rows: [Row]
        let days: Int?
        let signups: Int
    }

    /// Signups, then each platform step in the wizard's order, then finished.
    static func rows(app: Application, language: Language, since: Date?, on db: any Database) async throws -> [Row] {
        var tenants = Tenant.query(on: db)
        if let since { tenants = tenants.filter(\.$createdAt >= since) }
        let ids = try await tenants.all().compactMap(\.id)
        let progress = ids.isEmpty ? [] : try await OnboardingProgress.query(on: db).filter(\.$tenantID ~~ ids).all()
        let byStep = Dictionary(grouping: progress, by: \.stepKey)
        let signups = ids.count
        func row(_ number: Int, _ name: String, _ key: String?) -> Row {
            let rows = key.map { byStep[$0] ?? [] }
            let passed = rows?.count ?? signups
            return Row(number: number, name: name, passed: passed, skipped: rows?.filter { $0.outcome == .skipped }.count ?? 0,
                       share: signups == 0 ? 0 : passed * 100 / signups)
        }
        let steps = app.platformOnboardingSteps.sorted { $0.position < $1.position }.map(\.step)
        var result = [row(0, Strings.text("funnel.signups", language), nil)]
        for (index, step) in steps.enumerated() {
            result.append(row(index + 1, step.title.text(for: language), step.id))
        }
        result.append(row(steps.count + 1, Strings.text("funnel.finished", language), OnboardingProgress.finishedKey))
        return result
    }

    @Sendable static func show(req: Request) async throws -> View {
        let days = req.query[Int.self, at: "days"].flatMap { (1...3650).contains($0) ? $0 : nil }
        let since = days.map { req.application.clock.now().addingTimeInterval(-Double($0) * 86_400) }
        let rows = try await rows(app: req.application, language: req.language, since: since, on: req.db)
        // Numbers under the bars, names in the table: step titles are too long for a phone's chart.
        let bars = rows.map { SVGBarChart.Bar(label: "\($0.number)", value: $0.passed, color: "#b3261e") }
        let content = Content(chart: SVGBarChart.render(bars, title: req.t("funnel.chart"), width: 560, height: 240), rows: rows,
                              days: days, signups: rows.first?.passed ?? 0)
        return try await req.renderPage("onboarding/funnel", content, title: req.t("funnel.title"))
    }
}
