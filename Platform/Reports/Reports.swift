import Core
import Vapor

/// Sales reports of a business: on screen with charts, and as Excel and PDF downloads.
public enum Reports {
    public static func register(on app: Application) {
        Strings.add(es: ReportStrings.spanish, en: ReportStrings.english)
        app.platformNavigation.append(NavigationItem(.init(es: "Reportes", en: "Reports"), path: "reports",
                                                     permission: CorePermission.reports.id))
        app.migrations.add(CreateReportExports())
        app.jobHandlers.register(ReportDownloads.handler)
        ReportPages.routes(app)
        app.asyncCommands.use(ReportBenchCommand(), as: "bench-report")
    }
}
