import Core
import Fluent
import PaymentProviders
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
        /// Vouchers: the business's wallets to pay into, and the form's errors and values.
        let wallets: [Wallet]
        let voucherOpen: Bool
        let yapeOpen: Bool
        let errors: [String: String]
        let operationNumber: String
    }

    struct Wallet: Encodable {
        let kind: String
        let phone: String
        let holder: String
        let qrURL: String?
    }

    struct VoucherForm: Vapor.Content {
        var wallet: String?
        var operationNumber: String?
        var amount: String?
        var screenshot: File?
    }

    func routes(_ app: Application) {
        let pay = app.grouped("pay")
        pay.get(":payment", use: status)
        pay.get("sandbox", ":payment", use: sandboxPage)
        pay.post("sandbox", ":payment", ":outcome", use: sandboxDecide)
        pay.on(.POST, ":payment", "voucher", body: .collect(maxSize: "3mb"), use: submitVoucher)
        pay.get(":payment", "wallets", ":kind", "qr", use: walletQR)
        pay.post(":payment", "yape", use: payWithYape)
    }

    struct YapeForm: Vapor.Content {
        var phone: String?
        var code: String?
        var email: String?
    }

    /// Yape through Culqi: the payer's number and the approval code from their app. A refused
    /// code leaves the payment pending and says why, in the provider's words for payers.
    @Sendable func payWithYape(req: Request) async throws -> Response {
        let payment = try await find(req)
        guard payment.provider == .culqiYape, payment.state == .pending,
              let gateway = try await PaymentMethods.gateway(.culqiYape, for: payment.tenantID, app: req.application, on: req.db)
                as? CulqiYapeGateway else { throw Abort(.notFound) }
        let form = try req.content.decode(YapeForm.self)
        do {
            let update = try await gateway.pay(payment, phone: (form.phone ?? "").filter(\.isNumber), code: form.code ?? "",
                                               email: form.email ?? "")
            _ = try await PaymentLedger.apply(update, provider: .culqiYape, now: req.application.clock.now(), on: req.db)
        } catch let error as PaymentProviderError {
            let status: HTTPStatus
            switch error.reason {
            case .invalidInput, .declined: status = .unprocessableEntity
            default: status = .badGateway
            }
            let message = error.userMessage ?? req.t("yape.error.unavailable")
            let view = try await req.renderPage("payments/status", try await content(req, payment, errors: ["yape": message]),
                                                title: req.t("pay.title"), forms: true)
            return try await view.encodeResponse(status: status, for: req)
        }
        return req.redirect(to: "/pay/\(try payment.requireID().uuidString.lowercased())")
    }

    @Sendable func status(req: Request) async throws -> View {
        let payment = try await find(req)
        return try await req.renderPage("payments/status", try await content(req, payment), title: req.t("pay.title"),
                                        forms: payment.provider == .voucher || payment.provider == .culqiYape)
    }

    /// The payer says they paid the business's Yape or Plin: the payment waits for staff.
    @Sendable func submitVoucher(req: Request) async throws -> Response {
        let payment = try await find(req)
        let form = try req.content.decode(VoucherForm.self)
        do {
            let voucher = try Self.voucher(from: form, req: req)
            try await VoucherService.claim(voucher, for: payment, now: req.application.clock.now(), on: req.db)
        } catch let problem as VoucherProblem {
            let message = req.t(problem.key).replacingOccurrences(of: "%expected", with: problem.expected?.formatted ?? "")
            let view = try await req.renderPage(
                "payments/status", try await content(req, payment, errors: [problem.field: message], form: form),
                title: req.t("pay.title"), forms: true)
            return try await view.encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(to: "/pay/\(try payment.requireID().uuidString.lowercased())")
    }

    @Sendable func walletQR(req: Request) async throws -> Response {
        let payment = try await find(req)
        guard let kind = req.parameters.get("kind").flatMap(PaymentWallet.Kind.init(rawValue:)),
              let wallet = try await PaymentWallet.query(on: req.db).filter(\.$tenantID == payment.tenantID)
                .filter(\.$kind == kind).first(),
              let image = wallet.qrImage, let type = wallet.qrContentType else { throw Abort(.notFound) }
        return Response(status: .ok, headers: ["Content-Type": type, "Cache-Control": "private, max-age=300"], body: .init(data: image))
    }

    private static func voucher(from form: VoucherForm, req: Request) throws -> Voucher {
        guard let wallet = form.wallet.flatMap(PaymentWallet.Kind.init(rawValue:)) else {
            throw VoucherProblem(field: "wallet", key: "voucher.error.wallet")
        }
        guard let amount = Money.parse(form.amount ?? "") else {
            throw VoucherProblem(field: "amount", key: "voucher.error.amount_format")
        }
        let screenshot = form.screenshot.flatMap { file -> Voucher.Screenshot? in
            guard file.data.readableBytes > 0 else { return nil }
            return Voucher.Screenshot(data: Data(file.data.readableBytesView), contentType: file.contentType?.description ?? "")
        }
        return Voucher(wallet: wallet, operationNumber: form.operationNumber ?? "", amount: amount, screenshot: screenshot)
    }

    @Sendable func sandboxPage(req: Request) async throws -> View {
        let payment = try await find(req)
        guard payment.provider == .sandbox else { throw Abort(.notFound) }
        return try await req.renderPage("payments/sandbox", try await content(req, payment), title: req.t("pay.sandbox.title"),
                                        forms: true)
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

    private func content(
        _ req: Request, _ payment: Payment, errors: [String: String] = [:], form: VoucherForm? = nil
    ) async throws -> Content {
        let id = try payment.requireID().uuidString.lowercased()
        var continueURL: String?
        if payment.state == .pending, payment.provider != .voucher, case .redirect(let url) = payment.nextStep { continueURL = url }
        let voucherOpen = payment.provider == .voucher && payment.state == .pending
        let wallets = voucherOpen ? try await PaymentWallet.query(on: req.db).filter(\.$tenantID == payment.tenantID)
            .sort(\.$kind).all().map {
                Wallet(kind: $0.kind.rawValue, phone: $0.phone, holder: $0.holder,
                       qrURL: $0.qrImage == nil ? nil : "/pay/\(id)/wallets/\($0.kind.rawValue)/qr")
            } : []
        return Content(
            id: id, description: payment.description,
            amount: payment.amount.formatted, state: payment.state.rawValue,
            stateText: req.t("pay.state.\(payment.state.rawValue)"), reason: payment.failureReason,
            continueURL: continueURL, sandbox: payment.provider == .sandbox, pending: payment.state == .pending,
            wallets: wallets, voucherOpen: voucherOpen, yapeOpen: payment.provider == .culqiYape && payment.state == .pending,
            errors: errors, operationNumber: form?.operationNumber ?? "")
    }
}
