import Core
import Fluent
import Foundation
import Invoicing
import Payments
import Shared
import Vapor

/// The work that follows a booking: payment results, the boleta, refunds, expired holds and
/// the reminder the day before.
enum SalonJobs {
    struct BookingPayment: Codable, Sendable { let bookingID: UUID; let paymentID: UUID; let tenantID: UUID }
    struct BookingRef: Codable, Sendable { let bookingID: UUID }
    struct Tick: Codable, Sendable {}

    static let confirmKind = JobKind<BookingPayment>("salon.confirm_payment")
    static let invoiceKind = JobKind<BookingRef>("salon.invoice_booking")
    static let refundKind = JobKind<BookingRef>("salon.refund_booking")
    static let expireKind = JobKind<Tick>("salon.expire_holds")
    static let remindKind = JobKind<Tick>("salon.reminders")

    static var handlers: [JobHandler] { [confirm, invoice, refund, expire, remind] }

    static var schedules: [ScheduledJob] {
        [ScheduledJob("salon.expire_holds", .every(minutes: 1), kind: expireKind, payload: Tick()),
         ScheduledJob("salon.reminders", .every(minutes: 15), kind: remindKind, payload: Tick())]
    }

    /// Payments for bookings: approval is decided by a job (it takes the salon's lock, which a
    /// subscriber inside the dispatch transaction must not wait for); a failed or expired
    /// payment frees the time at once; a refund marks the booking refunded.
    static var paymentSubscriber: EventSubscriber {
        let types = [PaymentApproved.eventType, PaymentRejected.eventType, PaymentExpired.eventType, PaymentRefunded.eventType]
        return EventSubscriber("salon.payments", eventTypes: Set(types.map(\.name))) { event, db, app in
            struct Envelope: Decodable { let payment: PaymentEventData }
            guard let data = try? JSONDecoder.jobs.decode(Envelope.self, from: Data(event.payload.utf8)).payment,
                  data.purpose == BookingDesk.paymentPurpose, let bookingID = UUID(uuidString: data.reference),
                  let tenantID = event.tenantID else { return }
            let now = app.clock.now()
            switch event.type {
            case PaymentApproved.eventType.name:
                try await JobQueue.enqueue(confirmKind, BookingPayment(bookingID: bookingID, paymentID: data.paymentID, tenantID: tenantID),
                                           tenantID: tenantID, runAt: now, on: db)
            case PaymentRefunded.eventType.name:
                try await SalonBooking.query(on: db).filter(\.$id == bookingID).filter(\.$tenantID == tenantID)
                    .filter(\.$state ~~ [.cancelled, .expired]).set(\.$state, to: .refunded).set(\.$updatedAt, to: now).update()
            default:
                try await BookingDesk.expireHolds(now: now, paymentID: data.paymentID, on: db)
            }
        }
    }

    /// A paid booking gets its boleta and its confirmation; a cancelled one tells the client.
    static var bookingSubscriber: EventSubscriber {
        let types = [BookingPaid.eventType, BookingCancelled.eventType, BookingRebooked.eventType]
        return EventSubscriber("salon.bookings", eventTypes: Set(types.map(\.name))) { event, db, app in
            struct Envelope: Decodable { let booking: BookingEventData }
            guard let data = try? JSONDecoder.jobs.decode(Envelope.self, from: Data(event.payload.utf8)).booking,
                  let booking = try await SalonBooking.find(data.bookingID, on: db) else { return }
            let now = app.clock.now()
            switch event.type {
            case BookingPaid.eventType.name:
                try await JobQueue.enqueue(invoiceKind, BookingRef(bookingID: data.bookingID), tenantID: booking.tenantID, runAt: now, on: db)
                try await SalonNotices.send(SalonNotices.confirmed, booking, app: app, on: db)
            case BookingRebooked.eventType.name:
                try await SalonNotices.send(SalonNotices.rebooked, booking, app: app, on: db)
            default:
                if booking.cancelledBy == "client" {
                    if booking.paidAt != nil {
                        try await JobQueue.enqueue(refundKind, BookingRef(bookingID: data.bookingID), tenantID: booking.tenantID, runAt: now, on: db)
                    }
                } else if booking.paidAt != nil {
                    try await SalonNotices.send(SalonNotices.cancelled, booking, app: app, on: db)
                }
            }
        }
    }

    static var confirm: JobHandler {
        JobHandler(confirmKind) { payload, context in
            let confirmed = try await BookingDesk.confirmPaid(payload.bookingID, paymentID: payload.paymentID, tenantID: payload.tenantID,
                                                            now: context.now, on: context.db)
            guard confirmed == false, let booking = try await SalonBooking.find(payload.bookingID, on: context.db) else { return }
            // Paid after the hold ran out, and someone else has the time now: give the money back.
            try await context.commit { db in
                try await JobQueue.enqueue(refundKind, BookingRef(bookingID: payload.bookingID), tenantID: payload.tenantID,
                                           runAt: context.now, on: db)
                try await SalonNotices.send(SalonNotices.lateRefund, booking, app: context.application, on: db)
            }
        }
    }

    /// The boleta (a factura when the client gave a RUC) from the salon, mailed with its PDF by
    /// the invoicing product. The link is written in the issuing transaction, conditionally, so a
    /// rerun never issues a second document.
    static var invoice: JobHandler {
        JobHandler(invoiceKind) { payload, context in
            guard let booking = try await SalonBooking.find(payload.bookingID, on: context.db),
                  let tenant = try await Tenant.find(booking.tenantID, on: context.db) else {
                throw PermanentJobError("booking \(payload.bookingID) is gone")
            }
            guard booking.paidAt != nil, booking.documentID == nil else { return }
            let items = try await BookingDesk.items(of: booking, on: context.db)
            let when = SalonText.when(booking.start, .es)
            let bookingID = payload.bookingID
            let stylist = try await items.first.asyncFlatMap { try await SalonStylist.find($0.stylistID, on: context.db) }
            _ = try await InternalIssuing.issue(
                from: tenant, toRUC: booking.customerRUC, name: booking.customerName, email: booking.customerEmail,
                items: items.map {
                    // The service's code groups its sales in the reports whatever the day.
                    .init(description: "\($0.serviceName) – \(when)", quantity: 1, unitPrice: Money(cents: $0.priceCents).decimal,
                          productCode: "SRV-" + $0.serviceID.uuidString.prefix(8))
                },
                app: context.application, paymentMethod: try await paymentMethod(of: booking, on: context.db), issuedBy: stylist?.userID,
                on: context.db
            ) { documentID, tx in
                try await SalonBooking.query(on: tx).filter(\.$id == bookingID).filter(\.$documentID == nil)
                    .set(\.$documentID, to: documentID).update()
            }
        }
    }

    /// In the sales report's words: a card through Stripe, Yape through Culqi or a voucher's wallet.
    static func paymentMethod(of booking: SalonBooking, on db: any Database) async throws -> String? {
        guard let id = booking.paymentID, let payment = try await Payment.find(id, on: db) else { return nil }
        switch payment.provider {
        case .stripe: return "card"
        case .culqiYape: return "yape"
        case .sandbox: return "sandbox"
        case .voucher:
            return try await VoucherClaim.query(on: db).filter(\.$paymentID == id).sort(\.$submittedAt, .descending).first()?.wallet.rawValue
        }
    }

    static var refund: JobHandler {
        JobHandler(refundKind) { payload, context in
            guard let booking = try await SalonBooking.find(payload.bookingID, on: context.db),
                  let paymentID = booking.paymentID, let payment = try await Payment.find(paymentID, on: context.db) else { return }
            try await PaymentService.refund(payment, app: context.application, now: context.now, on: context.db)
        }
    }

    static var expire: JobHandler {
        JobHandler(expireKind) { _, context in
            try await BookingDesk.expireHolds(now: context.now, on: context.db)
        }
    }

    /// Each confirmed booking starting within a day is reminded once.
    static var remind: JobHandler {
        JobHandler(remindKind) { _, context in
            let now = context.now
            let due = try await SalonBooking.query(on: context.db).filter(\.$state == .confirmed).filter(\.$remindedAt == nil)
                .filter(\.$startsAt > LimaTime(now).minutes).filter(\.$startsAt <= LimaTime(now).adding(minutes: 24 * 60).minutes).all()
            for booking in due {
                try await context.db.transaction { tx in
                    booking.remindedAt = now
                    try await booking.save(on: tx)
                    try await SalonNotices.send(SalonNotices.reminder, booking, app: context.application, on: tx)
                }
            }
        }
    }
}
