import Core
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Invoicing for every business, whatever its niche: issuer settings, customers, documents
/// from draft to SUNAT's verdict, the customer's link and mail, the history, and the public
/// API (HexaFac) with its OpenAPI document.
public enum Invoicing {
    public static func register(on app: Application, sunat: InvoicingSUNAT) {
        app.migrations.add(CreateInvoicingTables())
        app.migrations.add(AddDocumentSaleColumns())
        app.platformEventTypes += InvoiceEvents.types
        app.platformNavigation.insert(contentsOf: [
            NavigationItem(.init(es: "Comprobantes", en: "Documents"), path: "invoices", permission: CorePermission.invoicesRead.id),
            NavigationItem(.init(es: "Clientes", en: "Customers"), path: "customers", permission: CorePermission.customersRead.id),
        ], at: 0)
        app.invoicingSUNAT = sunat
        app.platformOnboardingSteps.append(InvoicingStep.step)
        app.tenantUpdatedHooks.append { [unowned app] tenant, db in
            guard let profile = try await InvoicingProfile.query(on: db).filter(\.$tenantID == tenant.requireID()).first() else { return }
            try await InvoicingProfiles.follow(tenant, profile: profile, app: app, on: db)
        }
        app.jobHandlers.register(SUNATDispatch.handler)
        app.jobHandlers.register(VoidDispatch.handler)
        app.jobHandlers.register(InvoiceMail.handler)
        app.notificationTemplates.register(InvoiceMail.template)
        Strings.add(es: InvoicingStrings.spanish, en: InvoicingStrings.english)
        InvoicesAPI.routes(app)
        app.openAPIDocument = NIOLockedValueBox(nil)
        APIDocs.routes(app)
        PublicDocumentPages.routes(app)
        InvoicingPages.routes(app)
    }
}
