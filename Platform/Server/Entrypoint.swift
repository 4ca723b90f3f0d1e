import Core
import Logging
import Onboarding
import Vapor
import Webhooks

/// `multinicho serve | migrate | seed-demo | create-admin`.
@main
enum Entrypoint {
    static func main() async throws {
        let env = try Environment.detect()
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: .info) }
        let app = try await Application.make(env)
        do {
            let config = try AppConfig.fromEnvironment(ProcessInfo.processInfo.environment)
            try await configure(app, config: config, modules: NicheCatalog.all)
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
