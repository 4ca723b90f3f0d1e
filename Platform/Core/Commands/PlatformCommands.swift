import Vapor

public enum PlatformCommands {
    public static func register(on app: Application) {
        app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
        app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
        app.asyncCommands.use(WorkerCommand(), as: "worker")
        app.asyncCommands.use(CreateAPIKeyCommand(), as: "create-api-key")
    }
}
