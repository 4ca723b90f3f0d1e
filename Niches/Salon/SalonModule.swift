import Core
import Fluent
import Foundation
import Vapor

/// The salon niche: services and skills, stylists and their weeks, online booking held while
/// the client pays, the boleta after payment, the agenda, cancellation and rebooking.
public struct SalonModule: NicheModule {
    public let id = "salon"
    public let name = LocalizedText(es: "Salón de belleza", en: "Beauty salon")
    public let summary = LocalizedText(es: "Servicios, estilistas, horarios y reservas en línea con pago",
                                       en: "Services, stylists, schedules and paid online booking")
    public let version = "1.0.0"

    public init() {}

    public var migrations: [any Migration] { [CreateSalonTables()] }

    static let agenda = Permission("salon.agenda", LocalizedText(es: "Ver la agenda y atender reservas", en: "See the agenda and handle bookings"),
                                   roles: [.owner, .staff])
    static let manage = Permission("salon.manage", LocalizedText(es: "Configurar servicios, estilistas, horarios y reglas",
                                                                 en: "Set up services, stylists, schedules and rules"), roles: [.owner])
    static let book = Permission("salon.book", LocalizedText(es: "Crear, pagar y cancelar reservas por la API", en: "Create, pay and cancel bookings through the API"),
                                 roles: [.owner, .staff])

    public var permissions: [Permission] { [Self.agenda, Self.manage, Self.book] }
    public var eventTypes: [EventType] { BookingEvents.types }
    public var jobHandlers: [JobHandler] { SalonJobs.handlers }
    public var scheduledJobs: [ScheduledJob] { SalonJobs.schedules }
    public var eventSubscribers: [EventSubscriber] { [SalonJobs.paymentSubscriber, SalonJobs.bookingSubscriber] }
    public var notificationTemplates: [NotificationTemplate] { SalonNotices.all }

    public var navigation: [NavigationItem] {
        [NavigationItem(LocalizedText(es: "Agenda", en: "Agenda"), permission: Self.agenda.id),
         NavigationItem(LocalizedText(es: "Servicios", en: "Services"), path: "services", permission: Self.manage.id),
         NavigationItem(LocalizedText(es: "Estilistas", en: "Stylists"), path: "staff", permission: Self.manage.id),
         NavigationItem(LocalizedText(es: "Reglas de reserva", en: "Booking rules"), path: "rules", permission: Self.manage.id)]
    }

    public var publicNavigation: [NavigationItem] {
        [NavigationItem(LocalizedText(es: "Reservar una cita", en: "Book an appointment")),
         NavigationItem(LocalizedText(es: "Mis reservas", en: "My bookings"), path: "my")]
    }

    public var onboardingSteps: [OnboardingStep] { SalonOnboarding.steps }
    public var sampleData: SampleData? { SalonSamples.data }
    public var reportSections: [ReportSection] { SalonReports.sections }

    public func routes(_ routes: ModuleRoutes) throws {
        Self.registerStrings()
        SalonAPI.routes(routes.api)
        AgendaPages.routes(routes.pages)
        ServicePages.routes(routes.pages)
        StylistPages.routes(routes.pages)
        RulesPages.routes(routes.pages)
        PublicBookingPages.routes(routes.publicPages)
    }

    /// The module's texts, for its pages (and for tests that check every view's keys).
    public static func registerStrings() {
        Strings.add(es: SalonStrings.spanish, en: SalonStrings.english)
        Strings.add(es: CatalogStrings.spanish, en: CatalogStrings.english)
    }

    public func didEnable(for tenantID: UUID, on database: any Database) async throws {
        _ = try await SalonCatalog.settings(tenantID, now: Date(), on: database)
    }
}
