import Core
import Fluent
import Foundation
import Shared
import Vapor

/// `/b/{tenant}/salon/my`: a signed-in client's bookings at this salon, newest first, each
/// with its page (pay, cancel, rebook) and its receipt once paid. Guests have the link in
/// their confirmation email instead: an email address typed here proves nothing.
enum MyBookingsPage {
    struct Row: Encodable {
        let when: String
        let services: String
        let total: String
        let stateText: String
        let href: String
        let invoiceHref: String?
    }

    struct Page: Encodable {
        let signedIn: Bool
        let loginHref: String
        let bookHref: String
        let rows: [Row]
    }

    @Sendable static func show(req: Request) async throws -> View {
        let context = try req.tenantContext
        let base = "/b/\(context.tenant.slug)/salon"
        var rows: [Row] = []
        if let user = req.currentUser {
            let bookings = try await req.tenantScope.query(SalonBooking.self).filter(\.$userID == user.id)
                .filter(\.$state != .expired).sort(\.$startsAt, .descending).limit(100).all()
            for booking in bookings { rows.append(try await row(booking, base: base, req)) }
        }
        let page = Page(signedIn: req.currentUser != nil, loginHref: "/login?next=\(base)/my", bookHref: base, rows: rows)
        return try await req.renderPage("salon/my", page, title: req.t("salon.my.title"))
    }

    static func row(_ booking: SalonBooking, base: String, _ req: Request) async throws -> Row {
        let items = try await BookingDesk.items(of: booking, on: req.db)
        return Row(when: SalonText.when(booking.start, req.language), services: items.map(\.serviceName).joined(separator: ", "),
                   total: booking.total.formatted, stateText: req.t("salon.state.\(booking.state.rawValue)"),
                   href: "\(base)/v/\(booking.token)", invoiceHref: try await PublicBookingPages.invoiceHref(booking, on: req.db))
    }
}
