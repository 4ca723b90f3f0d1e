import Core
import Fluent
import Shared
import Vapor

/// `/t/{tenant}/payments`: the business's payments, the vouchers waiting for review (approve,
/// or reject with a reason), its Yape/Plin wallets, and payment links for a customer.
enum PaymentsController {
    static func routes(_ app: Application) {
        let pages = app.tenantPages.grouped("payments")
        pages.get(use: list)
        pages.post(":payment", "approve", use: approve)
        pages.post(":payment", "reject", use: reject)
        pages.get(":payment", "screenshot", use: screenshot)
        pages.on(.POST, "wallets", body: .collect(maxSize: "3mb"), use: saveWallet)
        pages.post("links", use: createLink)
        pages.post("methods", use: saveMethods)
    }

    @Sendable static func saveMethods(req: Request) async throws -> Response {
        try req.require(CorePermission.payments)
        do {
            try await MethodsForm.save(req)
        } catch let errors as FieldErrors {
            return try await PaymentsPage.render(req, methodErrors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))?methods=saved")
    }

    @Sendable static func list(req: Request) async throws -> View {
        try req.require(CorePermission.paymentsReview)
        return try await PaymentsPage.render(req)
    }

    @Sendable static func approve(req: Request) async throws -> Response {
        try await decide(req, approve: true)
    }

    @Sendable static func reject(req: Request) async throws -> Response {
        try await decide(req, approve: false)
    }

    private static func decide(_ req: Request, approve: Bool) async throws -> Response {
        try req.require(CorePermission.paymentsReview)
        let payment = try await req.tenantScope.require(Payment.self, req.parameters.get("payment", as: UUID.self))
        struct Form: Content { var reason: String? }
        let reason = try req.content.decode(Form.self).reason
        do {
            try await VoucherService.review(payment, approve: approve, reason: reason,
                                            reviewer: try (req.currentUser ?? { throw Abort(.unauthorized) }()).requireID(), now: req.application.clock.now(), on: req.db)
        } catch let problem as VoucherProblem {
            return try await PaymentsPage.render(req, problem: problem, problemPayment: payment.id)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))?decided=\(approve ? "approved" : "rejected")")
    }

    @Sendable static func screenshot(req: Request) async throws -> Response {
        try req.require(CorePermission.paymentsReview)
        let payment = try await req.tenantScope.require(Payment.self, req.parameters.get("payment", as: UUID.self))
        guard let claim = try await req.tenantScope.query(VoucherClaim.self).filter(\.$paymentID == payment.requireID()).first(),
              let image = claim.screenshot, let type = claim.screenshotContentType else { throw Abort(.notFound) }
        return Response(status: .ok, headers: ["Content-Type": type, "Cache-Control": "private, no-store"], body: .init(data: image))
    }

    @Sendable static func saveWallet(req: Request) async throws -> Response {
        try req.require(CorePermission.payments)
        do {
            try await WalletForm.save(req)
        } catch let errors as FieldErrors {
            return try await PaymentsPage.render(req, walletErrors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "\(try base(req))?wallet=saved")
    }

    @Sendable static func createLink(req: Request) async throws -> Response {
        try req.require(CorePermission.payments)
        do {
            let payment = try await LinkForm.create(req)
            return req.redirect(to: "\(try base(req))?link=\(try payment.requireID().uuidString.lowercased())")
        } catch let errors as FieldErrors {
            return try await PaymentsPage.render(req, linkErrors: errors.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    static func base(_ req: Request) throws -> String {
        "/t/\(try req.tenantContext.tenant.slug)/payments"
    }
}
