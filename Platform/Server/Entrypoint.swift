import Billing
import Core
import Invoicing
import Logging
import Notifications
import Onboarding
import Payments
import Reports
import Vapor
import Webhooks

/// `multinicho serve | worker | migrate | seed-demo | create-admin | einvoice`.
@main
enum Entrypoint {
    static func main() async throws {
        // The e-invoice tool needs no database or configuration: run it without booting.
        if CommandLine.arguments.dropFirst().first == EInvoiceCommands.name {
            exit(await EInvoiceCommands.runStandalone(CommandLine.arguments))
        }
        let env = try Environment.detect()
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: .info) }
        let app = try await Application.make(env)
        do {
            let environment = ProcessInfo.processInfo.environment
            let config = try AppConfig.fromEnvironment(environment)
            try await configure(app, config: config, modules: NicheCatalog.all)
            Notifications.register(on: app, settings: try .fromEnvironment(environment, config: config))
            Webhooks.register(on: app)
            Payments.register(on: app, gateways: Payments.defaultGateways(app))
            Invoicing.register(on: app, sunat: .fromEnvironment(environment))
            Billing.register(on: app)
            Reports.register(on: app)
            OnboardingWizard.register(on: app)
            PlatformCommands.register(on: app)
            app.asyncCommands.use(EInvoiceCommands(), as: EInvoiceCommands.name)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
