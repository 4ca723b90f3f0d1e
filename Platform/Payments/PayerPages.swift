import Core
import Fluent
import Shared
import Vapor

/// The payer's side: `/pay/{payment}` shows what is being paid and where it stands (Stripe's
/// success and cancel URLs land here), and `/pay/sandbox/{payment}` is the sandbox provider's
/// own page. The payment id (a random UUID) is the capability: payers have no account.
struct PayerPages: Sendable {
    struct Content: Encodable {
        let id: String
        let description: String
        let amount: String
        let state: String
        let stateText: String
        let reason: String?
        let continueURL: String?
        let sandbox: Bool
        let pending: Bool
    }

    func routes(_ app: Application) {
        let pay = app.grouped("pay")
        pay.get(":payment", use: status)
        pay.get("sandbox", ":payment", use: sandboxPage)
        pay.post("sandbox", ":payment", ":outcome", use: sandboxDecide)
    }

    @Sendable func status(req: Request) async throws -> View {
        let payment = try await find(req)
        return try await req.renderPage("payments/status", content(req, payment), title: req.t("pay.title"))
    }

    @Sendable func sandboxPage(req: Request) async throws -> View {
        let payment = try await find(req)
        guard payment.provider == .sandbox else { throw Abort(.notFound) }
        return try await req.renderPage("payments/sandbox", content(req, payment), title: req.t("pay.sandbox.title"), forms: true)
    }

    /// The sandbox's buttons: the page sends itself the signed notification a real provider
    /// would, through the same verification and ledger.
    @Sendable func sandboxDecide(req: Request) async throws -> Response {
        let payment = try await find(req)
        guard payment.provider == .sandbox, let gateway = req.application.paymentGateways[.sandbox] as? SandboxGateway else {
            throw Abort(.notFound)
        }
        let outcome: PaymentState
        switch req.parameters.get("outcome") {
        case "approve": outcome = .approved
        case "reject": outcome = .rejected
        default: throw Abort(.notFound)
        }
        let note = SandboxGateway.Notification(eventID: "sbx_evt_\(UUID().uuidString.lowercased())",
                                               paymentID: try payment.requireID(), outcome: outcome,
                                               reason: outcome == .rejected ? "rechazado en la pasarela de prueba" : nil)
        let body = try JSONEncoder().encode(note)
        var headers = HTTPHeaders()
        headers.add(name: "Sandbox-Signature", value: gateway.signature(of: Array(body)))
        if let update = try await gateway.update(fromWebhook: ByteBuffer(data: body), headers: headers) {
            _ = try await PaymentLedger.apply(update, provider: .sandbox, now: req.application.clock.now(), on: req.db)
        }
        return req.redirect(to: "/pay/\(try payment.requireID().uuidString.lowercased())")
    }

    private func find(_ req: Request) async throws -> Payment {
        guard let id = req.parameters.get("payment").flatMap(UUID.init(uuidString:)),
              let payment = try await Payment.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        return payment
    }

    private func content(_ req: Request, _ payment: Payment) throws -> Content {
        var continueURL: String?
        if payment.state == .pending, case .redirect(let url) = payment.nextStep { continueURL = url }
        return Content(
            id: try payment.requireID().uuidString.lowercased(), description: payment.description,
            amount: payment.amount.formatted, state: payment.state.rawValue,
            stateText: req.t("pay.state.\(payment.state.rawValue)"), reason: payment.failureReason,
            continueURL: continueURL, sandbox: payment.provider == .sandbox, pending: payment.state == .pending)
    }
}
