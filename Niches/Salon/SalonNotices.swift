import Core
import Fluent
import Foundation
import Shared
import Vapor

/// The messages a client gets about their booking, each with the link to its page.
enum SalonNotices {
    static let parameters = ["name", "business", "when", "services", "link"]

    static let confirmed = NotificationTemplate(
        "salon.booking_confirmed", LocalizedText(es: "Reserva confirmada", en: "Booking confirmed"), parameters: parameters,
        content: [
            .es: .init(subject: "Tu reserva en {{business}} está confirmada",
                       body: "Hola {{name}},\n\nTu pago fue recibido y tu reserva está confirmada:\n\n{{services}}\n{{when}}\n\nTu comprobante electrónico llegará en otro correo.\nVer o cancelar tu reserva: {{link}}\n\n{{business}}",
                       short: "{{business}}: reserva confirmada para el {{when}}. {{link}}"),
            .en: .init(subject: "Your booking at {{business}} is confirmed",
                       body: "Hello {{name}},\n\nYour payment was received and your booking is confirmed:\n\n{{services}}\n{{when}}\n\nYour electronic receipt follows in another email.\nSee or cancel your booking: {{link}}\n\n{{business}}",
                       short: "{{business}}: booking confirmed for {{when}}. {{link}}"),
        ],
        whatsApp: .init(name: "reserva_confirmada", bodyParameters: ["name", "business", "when", "link"]))

    static let reminder = NotificationTemplate(
        "salon.booking_reminder", LocalizedText(es: "Recordatorio de la reserva (un día antes)", en: "Booking reminder (a day before)"),
        parameters: parameters,
        content: [
            .es: .init(subject: "Recordatorio: tu cita en {{business}}",
                       body: "Hola {{name}},\n\nTe esperamos el {{when}}:\n\n{{services}}\n\nSi no puedes venir: {{link}}\n\n{{business}}",
                       short: "{{business}}: te esperamos el {{when}}. {{link}}"),
            .en: .init(subject: "Reminder: your appointment at {{business}}",
                       body: "Hello {{name}},\n\nWe expect you on {{when}}:\n\n{{services}}\n\nIf you cannot come: {{link}}\n\n{{business}}",
                       short: "{{business}}: see you on {{when}}. {{link}}"),
        ],
        whatsApp: .init(name: "recordatorio_reserva", bodyParameters: ["name", "business", "when", "link"]))

    static let cancelled = NotificationTemplate(
        "salon.booking_cancelled", LocalizedText(es: "Reserva cancelada por el salón", en: "Booking cancelled by the salon"),
        parameters: parameters + ["reason"],
        content: [
            .es: .init(subject: "{{business}} tuvo que cancelar tu cita del {{when}}",
                       body: "Hola {{name}},\n\nLo sentimos: tu cita del {{when}} ({{services}}) fue cancelada. Motivo: {{reason}}\n\nElige otra hora u otra estilista con un clic, sin volver a pagar, o pide la devolución de tu dinero:\n{{link}}\n\n{{business}}",
                       short: "{{business}} canceló tu cita del {{when}} ({{reason}}). Elige otra hora: {{link}}"),
            .en: .init(subject: "{{business}} had to cancel your appointment on {{when}}",
                       body: "Hello {{name}},\n\nWe are sorry: your appointment on {{when}} ({{services}}) was cancelled. Reason: {{reason}}\n\nPick another time or stylist with one click, at no cost, or ask for your money back:\n{{link}}\n\n{{business}}",
                       short: "{{business}} cancelled your appointment on {{when}} ({{reason}}). Pick another time: {{link}}"),
        ],
        whatsApp: .init(name: "reserva_cancelada", bodyParameters: ["name", "business", "when", "reason", "link"]))

    static let rebooked = NotificationTemplate(
        "salon.booking_rebooked", LocalizedText(es: "Reserva cambiada", en: "Booking moved"), parameters: parameters,
        content: [
            .es: .init(subject: "Tu nueva cita en {{business}}: {{when}}",
                       body: "Hola {{name}},\n\nTu cita quedó así:\n\n{{services}}\n{{when}}\n\nVer tu reserva: {{link}}\n\n{{business}}",
                       short: "{{business}}: tu cita ahora es el {{when}}. {{link}}"),
            .en: .init(subject: "Your new appointment at {{business}}: {{when}}",
                       body: "Hello {{name}},\n\nYour appointment is now:\n\n{{services}}\n{{when}}\n\nSee your booking: {{link}}\n\n{{business}}",
                       short: "{{business}}: your appointment is now on {{when}}. {{link}}"),
        ])

    static let lateRefund = NotificationTemplate(
        "salon.payment_late", LocalizedText(es: "Pago tardío devuelto", en: "Late payment refunded"), parameters: parameters,
        content: [
            .es: .init(subject: "Tu pago a {{business}} será devuelto",
                       body: "Hola {{name}},\n\nTu pago llegó cuando la reserva del {{when}} ya había vencido y otra persona tomó esa hora. Te devolvemos el dinero.\n\nPuedes reservar otra hora: {{link}}\n\n{{business}}",
                       short: "{{business}}: tu pago llegó tarde y será devuelto. {{link}}"),
            .en: .init(subject: "Your payment to {{business}} will be refunded",
                       body: "Hello {{name}},\n\nYour payment arrived after the booking for {{when}} had expired and someone else took that time. We are refunding you.\n\nBook another time: {{link}}\n\n{{business}}",
                       short: "{{business}}: your payment came late and will be refunded. {{link}}"),
        ])

    static let all = [confirmed, reminder, cancelled, rebooked, lateRefund]

    /// Queues `template` to the booking's client, in the booking's transaction.
    static func send(_ template: NotificationTemplate, _ booking: SalonBooking, app: Application, on db: any Database) async throws {
        guard let tenant = try await Tenant.find(booking.tenantID, on: db) else { return }
        let items = try await BookingDesk.items(of: booking, on: db)
        let link = "\(app.config.baseURL)/b/\(tenant.slug)/salon/v/\(booking.token)"
        let parameters = [
            "name": booking.customerName, "business": tenant.displayName, "when": SalonText.when(booking.start, .es),
            "services": items.map { "• \($0.serviceName) (\(SalonText.clock($0.startsAt)))" }.joined(separator: "\n"),
            "link": link, "reason": booking.cancelReason ?? "",
        ]
        try await app.notifier.send(.init(
            template: template.id, to: NotificationRecipient(name: booking.customerName, email: booking.customerEmail, phone: booking.customerPhone),
            parameters: parameters, language: .es, tenantID: booking.tenantID), on: db)
    }
}

/// How the salon writes times for people: `martes 01/12/2026, 10:00`.
enum SalonText {
    static func when(_ time: LimaTime, _ language: Language) -> String {
        let weekday = language == .en ? time.date.weekday.displayNameEn : time.date.weekday.displayName
        return "\(weekday) \(time.date.formatted), \(time.clock)"
    }

    /// `martes 01/12/2026`.
    static func day(_ date: LimaDate, _ language: Language) -> String {
        "\(language == .en ? date.weekday.displayNameEn : date.weekday.displayName) \(date.formatted)"
    }

    static func clock(_ minutes: Int) -> String { LimaTime(minutes: minutes).clock }
}
