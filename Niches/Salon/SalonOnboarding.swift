import Core
import Fluent
import Foundation

/// The steps the salon adds to the set-up wizard, each done when the data it asks for exists.
enum SalonOnboarding {
    static var steps: [OnboardingStep] {
        [OnboardingStep.scoped("salon-services", es: ("Tus servicios", "Empieza con las plantillas (alisado, keratina, nano, corte…) y ajusta precios y duraciones."),
              en: ("Your services", "Start from the templates (straightening, keratin, cut…) and adjust prices and durations."),
              path: "services") { scope in try await scope.query(SalonService.self).filter(\.$active == true).count() > 0 },
         OnboardingStep.scoped("salon-staff", es: ("Estilistas y habilidades", "Indica quién atiende y qué sabe hacer cada una."),
              en: ("Stylists and skills", "Say who takes bookings and what each can do."),
              path: "staff") { scope in
                  try await scope.query(SalonStylist.self).filter(\.$active == true).all().contains { !$0.skills.isEmpty }
              },
         OnboardingStep.scoped("salon-schedules", es: ("Horarios", "El horario semanal de cada estilista, con sus descansos."),
              en: ("Schedules", "Each stylist's weekly hours, with breaks."),
              path: "staff") { scope in
                  try await scope.query(SalonStylist.self).filter(\.$active == true).all().contains { !$0.week.days.isEmpty }
              },
         OnboardingStep.scoped("salon-rules", es: ("Reglas de reserva", "Intervalo, anticipación, días hacia adelante, tiempo para pagar y para cancelar."),
              en: ("Booking rules", "Interval, notice, days ahead, time to pay and to cancel."),
              path: "rules") { scope in
                  try await scope.query(SalonSettings.self).first()?.rulesReviewed ?? false
              },
         OnboardingStep.scoped("salon-publish", es: ("Publica tu enlace de reservas", "Compártelo por WhatsApp e Instagram."),
              en: ("Publish your booking link", "Share it on WhatsApp and Instagram."),
              path: "rules") { scope in
                  try await scope.query(SalonSettings.self).first()?.published ?? false
              }]
    }
}
