import Core
import Fluent
import Shared
import Vapor

/// What `/t/{tenant}/payments` shows.
enum PaymentsPage {
    struct Row: Encodable {
        let id: String
        let created: String
        let description: String
        let amount: String
        let provider: String
        let state: String
        let stateText: String
        let reason: String?
        let wallet: String?
        let operationNumber: String?
        let hasScreenshot: Bool
        let claimed: Bool
        let link: String
        let problem: String?
    }

    struct WalletRow: Encodable {
        let kind: String
        let phone: String
        let holder: String
        let hasQR: Bool
    }

    struct Method: Encodable {
        let id: String
        let name: String
        let on: Bool
    }

    /// Saved keys, masked; nil where none is saved.
    struct Keys: Encodable {
        let stripeSecretKey: String?
        let stripeWebhookSecret: String?
        let culqiPublicKey: String?
        let culqiSecretKey: String?
        let stripeWebhookURL: String
    }

    struct Content: Encodable {
        let base: String
        let methods: [Method]
        let keys: Keys
        let methodErrors: [String: String]
        let methodsSaved: Bool
        let rows: [Row]
        let wallets: [WalletRow]
        let canManage: Bool
        let newLink: String?
        let walletErrors: [String: String]
        let linkErrors: [String: String]
        let decided: String?
    }

    static func render(
        _ req: Request, problem: VoucherProblem? = nil, problemPayment: UUID? = nil,
        walletErrors: [String: String] = [:], linkErrors: [String: String] = [:], methodErrors: [String: String] = [:]
    ) async throws -> View {
        let scope = try req.tenantScope
        let payments = try await scope.query(Payment.self).sort(\.$createdAt, .descending).limit(100).all()
        let claims = try await scope.query(VoucherClaim.self).filter(\.$paymentID ~~ payments.compactMap(\.id)).all()
        let claimByPayment = Dictionary(claims.map { ($0.paymentID, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = try payments.map { payment in
            let id = try payment.requireID()
            let claim = claimByPayment[id]
            return Row(
                id: id.uuidString.lowercased(), created: LimaCalendar.formatDateTime(payment.createdAt),
                description: payment.description, amount: payment.amount.formatted, provider: payment.provider.rawValue,
                state: payment.state.rawValue, stateText: req.t("pay.state.\(payment.state.rawValue)"),
                reason: payment.failureReason, wallet: claim?.wallet.rawValue, operationNumber: claim?.operationNumber,
                hasScreenshot: claim?.screenshot != nil, claimed: payment.state == .claimed,
                link: "\(req.application.config.baseURL)/pay/\(id.uuidString.lowercased())",
                problem: problemPayment == id ? problem.map { req.t($0.key) } : nil)
        }
        let wallets = try await scope.query(PaymentWallet.self).sort(\.$kind).all().map {
            WalletRow(kind: $0.kind.rawValue, phone: $0.phone, holder: $0.holder, hasQR: $0.qrImage != nil)
        }
        let link = req.query[String.self, at: "link"].map { "\(req.application.config.baseURL)/pay/\($0)" }
        let settings = try await TenantPaymentSettings.of(scope.tenantID, now: req.application.clock.now(), on: req.db)
        let methods = PaymentProviderID.allCases.map {
            Method(id: $0.rawValue, name: req.t("methods.\($0.rawValue)"), on: settings.methods.contains($0))
        }
        let content = Content(
            base: try PaymentsController.base(req), methods: methods, keys: try keys(settings, req: req),
            methodErrors: methodErrors, methodsSaved: req.query[String.self, at: "methods"] != nil, rows: rows, wallets: wallets,
            canManage: (try? req.require(CorePermission.payments)) != nil, newLink: link,
            walletErrors: walletErrors, linkErrors: linkErrors, decided: req.query[String.self, at: "decided"])
        return try await req.renderPage("payments/list", content, title: req.t("payments.title"))
    }

    private static func keys(_ settings: TenantPaymentSettings, req: Request) throws -> Keys {
        let box = SecretBox(secretKey: req.application.config.secretKey, purpose: TenantPaymentSettings.keysPurpose)
        let shown = { (sealed: String?) in sealed.flatMap(box.open).map(SecretBox.masked) }
        return Keys(
            stripeSecretKey: shown(settings.stripeSecretKeySealed), stripeWebhookSecret: shown(settings.stripeWebhookSecretSealed),
            culqiPublicKey: settings.culqiPublicKey, culqiSecretKey: shown(settings.culqiSecretKeySealed),
            stripeWebhookURL: "\(req.application.config.baseURL)/hooks/payments/stripe/\(settings.tenantID.uuidString.lowercased())")
    }
}
