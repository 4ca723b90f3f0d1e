import Core
import Fluent
import Foundation
import Payments
import Shared
import Vapor

/// Paying a held booking through one of the methods the salon offers.
enum BookingPayments {
    /// The methods a client can pay a booking with: those the business turned on that have a
    /// gateway here (the sandbox only outside production).
    static func methods(_ tenantID: UUID, app: Application, on db: any Database) async throws -> [PaymentProviderID] {
        var available: [PaymentProviderID] = []
        for provider in [PaymentProviderID.stripe, .culqiYape, .voucher, .sandbox] where offered(provider, app: app) {
            if try await PaymentMethods.gateway(provider, for: tenantID, app: app, on: db) != nil { available.append(provider) }
        }
        return available
    }

    /// The sandbox pays nothing real: never offered in production.
    static func offered(_ provider: PaymentProviderID, app: Application) -> Bool {
        provider != .sandbox || app.config.isDevelopment
    }

    /// Starts (or finds again) the booking's payment with `provider`.
    static func start(_ booking: SalonBooking, with provider: PaymentProviderID, business: String, language: Language, app: Application,
                      on db: any Database) async throws -> Payment {
        guard booking.state == .held else {
            throw APIError(.conflict, code: "invalid_state", message: Strings.text("salon.error.not_payable", language))
        }
        guard offered(provider, app: app),
              let gateway = try await PaymentMethods.gateway(provider, for: booking.tenantID, app: app, on: db) else {
            throw FieldErrorKeys(["method": "salon.error.method_not_offered"])
        }
        let id = try booking.requireID().uuidString.lowercased()
        let request = PaymentRequest(purpose: BookingDesk.paymentPurpose, reference: id, amount: booking.total,
                                     idempotencyKey: "salon-\(id)-\(provider.rawValue)",
                                     description: "\(business): reserva \(SalonText.when(booking.start, .es))", payerEmail: booking.customerEmail)
        let payment = try await PaymentService.create(request, tenantID: booking.tenantID, gateway: gateway, now: app.clock.now(), on: db)
        booking.paymentID = try payment.requireID()
        try await booking.save(on: db)
        return payment
    }
}
