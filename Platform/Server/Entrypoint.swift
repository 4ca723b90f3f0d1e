import Core
import Logging
import Notifications
import Onboarding
import Vapor
import Webhooks

/// `multinicho serve | worker | migrate | seed-demo | create-admin`.
@main
enum Entrypoint {
    static func main() async throws {
        let env = try Environment.detect()
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: .info) }
        let app = try await Application.make(env)
        do {
            let environment = ProcessInfo.processInfo.environment
            let config = try AppConfig.fromEnvironment(environment)
            try await configure(app, config: config, modules: NicheCatalog.all)
            Notifications.register(on: app, settings: try .fromEnvironment(environment, config: config))
            Webhooks.register(on: app)
            OnboardingWizard.register(on: app)
            PlatformCommands.register(on: app)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
