import Core
import Fluent
import Foundation
import Shared
import SQLKit
import Vapor

/// The messages of the ladder, to the business's owner (WhatsApp first, then e-mail, as the
/// business prefers), and their announcement with the event of each change.
enum MembershipNotices {
    static let parameters = ["business", "amount", "due", "link"]

    static func template(_ id: String, _ description: LocalizedText, es: (String, String, String), en: (String, String, String),
                         urgent: Bool = false) -> NotificationTemplate {
        NotificationTemplate(id, description, parameters: parameters, content: [
            .es: .init(subject: es.0, body: es.1, short: es.2), .en: .init(subject: en.0, body: en.1, short: en.2),
        ], urgent: urgent, tenantEditable: false)
    }

    static let reminder = template(
        "membership.reminder", .init(es: "Recordatorio de pago de la membresía", en: "Membership payment reminder"),
        es: ("Tu membresía de Multinicho vence el {{due}}", "Hola, {{business}}:\n\nTu membresía (S/ {{amount}}) vence el {{due}}. Paga con Yape, Plin o tarjeta aquí:\n\n{{link}}\n\nGracias.",
             "Multinicho: tu membresía de {{business}} (S/ {{amount}}) vence el {{due}}. Paga aquí: {{link}}"),
        en: ("Your Multinicho membership is due on {{due}}", "Hello {{business}},\n\nYour membership (S/ {{amount}}) is due on {{due}}. Pay with Yape, Plin or card here:\n\n{{link}}\n\nThank you.",
             "Multinicho: the membership of {{business}} (S/ {{amount}}) is due on {{due}}. Pay here: {{link}}"))
    static let warning = template(
        "membership.warning", .init(es: "Membresía vencida: aviso", en: "Membership overdue: warning"),
        es: ("Tu membresía de Multinicho está vencida", "Hola, {{business}}:\n\nTu membresía (S/ {{amount}}) venció el {{due}}. Paga para evitar el modo de solo lectura:\n\n{{link}}",
             "Multinicho: la membresía de {{business}} venció el {{due}} (S/ {{amount}}). Paga aquí: {{link}}"),
        en: ("Your Multinicho membership is overdue", "Hello {{business}},\n\nYour membership (S/ {{amount}}) was due on {{due}}. Pay to avoid read-only mode:\n\n{{link}}",
             "Multinicho: the membership of {{business}} was due on {{due}} (S/ {{amount}}). Pay here: {{link}}"), urgent: true)
    static let readOnly = template(
        "membership.read_only", .init(es: "Membresía vencida: solo lectura", en: "Membership overdue: read-only"),
        es: ("Tu negocio está en solo lectura", "Hola, {{business}}:\n\nComo la membresía (S/ {{amount}}, vencida el {{due}}) sigue impaga, el negocio puede ver y exportar todo pero no registrar ventas, citas ni comprobantes. Todo vuelve en cuanto pagues:\n\n{{link}}",
             "Multinicho: {{business}} está en solo lectura por la membresía impaga (S/ {{amount}}). Paga aquí: {{link}}"),
        en: ("Your business is read-only", "Hello {{business}},\n\nAs the membership (S/ {{amount}}, due {{due}}) is still unpaid, the business can see and export everything but cannot record sales, bookings or documents. Everything returns the moment you pay:\n\n{{link}}",
             "Multinicho: {{business}} is read-only for the unpaid membership (S/ {{amount}}). Pay here: {{link}}"), urgent: true)
    static let blocked = template(
        "membership.blocked", .init(es: "Membresía vencida: bloqueada", en: "Membership overdue: blocked"),
        es: ("Tu negocio está bloqueado", "Hola, {{business}}:\n\nLa membresía (S/ {{amount}}, vencida el {{due}}) sigue impaga y el acceso está suspendido. No se ha perdido ningún dato: todo vuelve en cuanto pagues:\n\n{{link}}",
             "Multinicho: {{business}} está bloqueado por la membresía impaga (S/ {{amount}}). Tus datos están a salvo. Paga aquí: {{link}}"),
        en: ("Your business is blocked", "Hello {{business}},\n\nThe membership (S/ {{amount}}, due {{due}}) is still unpaid and access is suspended. No data has been lost: everything returns the moment you pay:\n\n{{link}}",
             "Multinicho: {{business}} is blocked for the unpaid membership (S/ {{amount}}). Your data is safe. Pay here: {{link}}"), urgent: true)
    static let reactivated = template(
        "membership.reactivated", .init(es: "Membresía reactivada", en: "Membership reactivated"),
        es: ("Tu negocio está activo de nuevo", "Hola, {{business}}:\n\nRecibimos tu pago. Todo funciona de nuevo. ¡Gracias!\n\n{{link}}",
             "Multinicho: recibimos tu pago; {{business}} está activo de nuevo. ¡Gracias!"),
        en: ("Your business is active again", "Hello {{business}},\n\nWe received your payment. Everything works again. Thank you!\n\n{{link}}",
             "Multinicho: payment received; {{business}} is active again. Thank you!"))

    static let cardDeclined = NotificationTemplate(
        "membership.card_declined", .init(es: "Cobro automático rechazado", en: "Automatic charge declined"),
        parameters: parameters + ["reason"], content: [
            .es: .init(subject: "No pudimos cobrar tu membresía con la tarjeta guardada",
                       body: "Hola, {{business}}:\n\nTu banco rechazó el cobro automático de la membresía (S/ {{amount}}, vence el {{due}}): {{reason}}\n\nPuedes pagar con Yape, Plin u otra tarjeta aquí:\n\n{{link}}",
                       short: "Multinicho: el banco rechazó el cobro de la membresía de {{business}} (S/ {{amount}}): {{reason}}. Paga aquí: {{link}}"),
            .en: .init(subject: "We could not charge your membership to the saved card",
                       body: "Hello {{business}},\n\nYour bank declined the automatic membership charge (S/ {{amount}}, due {{due}}): {{reason}}\n\nYou can pay with Yape, Plin or another card here:\n\n{{link}}",
                       short: "Multinicho: the bank declined the membership charge of {{business}} (S/ {{amount}}): {{reason}}. Pay here: {{link}}"),
        ], urgent: true, tenantEditable: false)

    static let all = [reminder, warning, readOnly, blocked, reactivated, cardDeclined]

    static func template(for stage: MembershipStage, from: MembershipStage) -> NotificationTemplate? {
        switch stage {
        case .warning: warning
        case .readOnly: readOnly
        case .blocked, .cancelled: blocked
        case .active, .trial: from.severity > 0 ? reactivated : nil
        }
    }

    /// Sends the message of each membership event when the event is dispatched, so that a sweep
    /// moving thousands of businesses stays a handful of statements.
    static var subscriber: EventSubscriber {
        EventSubscriber("billing.notices", eventTypes: Set(MembershipEvents.types.map(\.name))) { event, db, app in
            guard let data = try? JSONDecoder.jobs.decode(MembershipEventData.self, from: Data(event.payload.utf8)),
                  let from = MembershipStage(rawValue: data.from), let to = MembershipStage(rawValue: data.to) else { return }
            let template = event.type == MembershipReminder.eventType.name ? reminder : self.template(for: to, from: from)
            guard let template, let due = try await MembershipDues.of([data.tenant_id], app: app, on: db)[data.tenant_id] else { return }
            try await app.notifier.send(due.request(template.id), on: db)
        }
    }
}

/// Who to tell and what a business owes, for many businesses in three queries.
struct MembershipDues {
    let business: String
    let recipient: NotificationRecipient
    let amount: Money
    let due: LimaDate?
    let link: String
    let tenantID: UUID

    func request(_ template: String) -> NotificationRequest {
        NotificationRequest(template: template, to: recipient, parameters: [
            "business": business, "amount": amount.decimalText, "due": due?.formatted ?? "-", "link": link,
        ], tenantID: tenantID)
    }

    static func of(_ tenantIDs: [UUID], app: Application, on db: any Database) async throws -> [UUID: MembershipDues] {
        guard !tenantIDs.isEmpty else { return [:] }
        let tenants = try await Tenant.query(on: db).filter(\.$id ~~ tenantIDs).all()
        let owners = try await TenantMember.query(on: db).filter(\.$tenant.$id ~~ tenantIDs).filter(\.$role == .owner).with(\.$user).all()
        let charges = try await MembershipCharge.query(on: db).filter(\.$tenantID ~~ tenantIDs).filter(\.$state == .open).all()
        let ownerByTenant = Dictionary(owners.map { ($0.$tenant.id, $0.user) }, uniquingKeysWith: { first, _ in first })
        let chargesByTenant = Dictionary(grouping: charges, by: \.tenantID)
        var result: [UUID: MembershipDues] = [:]
        for tenant in tenants {
            guard let id = tenant.id else { continue }
            let open = chargesByTenant[id] ?? []
            let owner = ownerByTenant[id]
            result[id] = MembershipDues(
                business: tenant.displayName,
                recipient: NotificationRecipient(name: owner?.name ?? tenant.displayName, email: owner?.email, phone: tenant.phone),
                amount: Money(cents: open.reduce(0) { $0 + $1.amountCents }),
                due: open.map(\.periodStartDay).min().map(LimaDate.init(dayNumber:)),
                link: "\(app.config.baseURL)/t/\(tenant.slug)/membership", tenantID: id)
        }
        return result
    }
}

/// The day's reminders: on the policy's reminder days, and every day of the warning stage,
/// once per charge and day whatever the number of sweeps (INSERT ... ON CONFLICT DO NOTHING).
enum Reminders {
    static func send(app: Application, now: Date) async throws -> Int {
        guard app.db is any SQLDatabase else { return 0 }
        let policy = try await PolicyStore.current(on: app.db)
        let today = LimaDate(now).dayNumber
        let reminderDays = policy.steps.filter { $0.action == .reminder }.map(\.offsetDays)
        var condition = "(\(today) - (c.period_start_day + c.grace_days)) IN (\(reminderDays.isEmpty ? "NULL" : reminderDays.map(String.init).joined(separator: ",")))"
        if let from = policy.dailyReminderFrom {
            let until = policy.thresholds.first { $0.offsetDays > from }?.offsetDays ?? Int.max / 2
            condition += " OR ((\(today) - (c.period_start_day + c.grace_days)) >= \(from) AND (\(today) - (c.period_start_day + c.grace_days)) < \(until))"
        }
        let due = condition
        return try await app.db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return 0 }
            let rows = try await sql.raw("""
                INSERT INTO billing_notices (charge_id, day, kind)
                SELECT CAST(c.id AS TEXT), \(bind: today), 'reminder' FROM \(ident: MembershipCharge.schema) c
                WHERE c.state = 'open' AND (\(unsafeRaw: due))
                ON CONFLICT (charge_id, day) DO NOTHING
                RETURNING charge_id
                """).all(decoding: NoticeRow.self)
            guard !rows.isEmpty else { return 0 }
            let ids = rows.compactMap { UUID(uuidString: $0.charge_id) }
            var tenants: Set<UUID> = []
            for start in stride(from: 0, to: ids.count, by: 1000) {
                let slice = Array(ids[start..<min(start + 1000, ids.count)])
                tenants.formUnion(try await MembershipCharge.query(on: tx).filter(\.$id ~~ slice).all().map(\.tenantID))
            }
            try await MembershipEvents.reminders(Array(tenants), stage: .active, at: now, on: tx)
            return tenants.count
        }
    }

    struct NoticeRow: Decodable { let charge_id: String }
}
