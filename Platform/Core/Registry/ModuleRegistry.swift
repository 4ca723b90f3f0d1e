import Fluent
import Vapor

/// The modules compiled into this server, built once at start-up.
public struct ModuleRegistry: Sendable {
    public enum RegistryError: Error, CustomStringConvertible, Equatable {
        case duplicateID(String)
        case invalidID(String)
        case duplicatePermission(String)
        case reservedID(String)
        case duplicateEventType(String)
        case invalidEventType(String)

        public var description: String {
            switch self {
            case .duplicateID(let id): "two modules use the id \"\(id)\""
            case .invalidID(let id): "module id \"\(id)\" must be lowercase letters, digits and dashes"
            case .duplicatePermission(let id): "permission \"\(id)\" is declared twice"
            case .reservedID(let id): "module id \"\(id)\" collides with a platform route"
            case .duplicateEventType(let name): "event type \"\(name)\" is declared twice"
            case .invalidEventType(let name): EventError.invalidTypeName(name).description
            }
        }
    }

    public let modules: [any NicheModule]

    /// Path segments the platform itself uses under `/t/{tenant}` and `/api/v1`.
    static let reservedIDs: Set<String> = ["settings", "onboarding", "me", "signup", "api-keys", "admin", "jobs", "webhooks", "notifications", "payments", "pay"]

    public init(_ modules: [any NicheModule]) throws(RegistryError) {
        var seen = Set<String>()
        var permissions = Set(CorePermission.all.map(\.id))
        var events = Set<String>()
        for module in modules {
            let allowed = module.id.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }
            guard !module.id.isEmpty, allowed, module.id.allSatisfy(\.isASCII) else { throw .invalidID(module.id) }
            guard !Self.reservedIDs.contains(module.id) else { throw .reservedID(module.id) }
            guard seen.insert(module.id).inserted else { throw .duplicateID(module.id) }
            for permission in module.permissions {
                guard permissions.insert(permission.id).inserted else { throw .duplicatePermission(permission.id) }
            }
            for event in module.eventTypes {
                guard EventError.isValidTypeName(event.name) else { throw .invalidEventType(event.name) }
                guard events.insert(event.name).inserted else { throw .duplicateEventType(event.name) }
            }
        }
        self.modules = modules
    }

    public func module(_ id: String) -> (any NicheModule)? {
        modules.first { $0.id == id }
    }

    public var allPermissions: [Permission] {
        CorePermission.all + modules.flatMap(\.permissions)
    }

    public func permissions(for role: Role) -> Set<String> {
        Set(allPermissions.filter { $0.roles.contains(role) }.map(\.id))
    }

    public var migrations: [any Migration] { modules.flatMap(\.migrations) }

    /// Every domain event type the modules emit; webhook subscriptions choose from these.
    public var eventTypes: [EventType] { modules.flatMap(\.eventTypes) }
}

/// Permissions of the platform core itself.
public enum CorePermission {
    public static let dashboard = Permission(
        "dashboard.view", LocalizedText(es: "Ver el panel", en: "View the dashboard"), roles: [.owner, .staff])
    public static let settings = Permission(
        "settings.manage", LocalizedText(es: "Editar el negocio y sus módulos", en: "Edit the business and its modules"),
        roles: [.owner])
    public static let apiKeys = Permission(
        "apikeys.manage", LocalizedText(es: "Gestionar llaves de API", en: "Manage API keys"), roles: [.owner])
    public static let tenantRead = Permission(
        "tenant.read", LocalizedText(es: "Leer los datos del negocio", en: "Read the business data"),
        roles: [.owner, .staff])

    public static let webhooks = Permission(
        "webhooks.manage", LocalizedText(es: "Gestionar webhooks", en: "Manage webhooks"), roles: [.owner])
    public static let jobs = Permission(
        "jobs.view", LocalizedText(es: "Ver y reintentar tareas en segundo plano", en: "See and retry background jobs"),
        roles: [.owner])

    public static let notificationsLog = Permission(
        "notifications.view", LocalizedText(es: "Ver los mensajes enviados", en: "See sent messages"), roles: [.owner, .staff])
    public static let notifications = Permission(
        "notifications.manage",
        LocalizedText(es: "Reenviar mensajes y editar plantillas y preferencias",
                      en: "Resend messages and edit templates and preferences"),
        roles: [.owner])

    public static let paymentsReview = Permission(
        "payments.review",
        LocalizedText(es: "Ver cobros y aprobar o rechazar comprobantes de Yape y Plin",
                      en: "See payments and approve or reject Yape and Plin vouchers"),
        roles: [.owner, .staff])
    public static let payments = Permission(
        "payments.manage",
        LocalizedText(es: "Configurar billeteras y crear enlaces de cobro", en: "Set up wallets and create payment links"),
        roles: [.owner])

    public static let invoicesRead = Permission(
        "invoices.read", LocalizedText(es: "Ver comprobantes y descargarlos", en: "See and download documents"), roles: [.owner, .staff])
    public static let invoicesWrite = Permission(
        "invoices.write", LocalizedText(es: "Crear y emitir comprobantes y notas", en: "Create and issue documents and notes"),
        roles: [.owner, .staff])
    public static let invoicesVoid = Permission(
        "invoices.void", LocalizedText(es: "Anular comprobantes (baja y resumen)", en: "Void documents"), roles: [.owner])
    public static let customersRead = Permission(
        "customers.read", LocalizedText(es: "Ver clientes", en: "See customers"), roles: [.owner, .staff])
    public static let customersWrite = Permission(
        "customers.write", LocalizedText(es: "Crear, editar y borrar clientes", en: "Create, edit and delete customers"),
        roles: [.owner, .staff])
    public static let invoicingSettings = Permission(
        "invoicing.settings", LocalizedText(es: "Configurar la facturación (RUC, series, certificado, SOL)",
                                            en: "Set up invoicing (RUC, series, certificate, SOL)"), roles: [.owner])

    public static let reports = Permission(
        "reports.view", LocalizedText(es: "Ver los reportes de ventas y descargarlos", en: "See and download the sales reports"),
        roles: [.owner])

    public static let all = [dashboard, settings, apiKeys, tenantRead, webhooks, jobs, notificationsLog, notifications,
                             paymentsReview, payments, invoicesRead, invoicesWrite, invoicesVoid, customersRead, customersWrite,
                             invoicingSettings, reports]
}
